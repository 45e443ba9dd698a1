import { NotFoundMessage } from '@/components/shell/not-found-message';

// Unmatched URLs render here, outside the console shell, so this page brings its own <main>.
// notFound() inside the console is caught by app/(console)/not-found.tsx, within the shell's <main>.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <NotFoundMessage />
    </main>
  );
}
