import { NotFoundMessage } from '@/components/shell/not-found-message';

// notFound() from a console page (a missing recording configuration, policy, key pair…) lands here,
// inside the shell's <main>, so the page keeps a single main landmark.
export default function ConsoleNotFound() {
  return <NotFoundMessage />;
}
