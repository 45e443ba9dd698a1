'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

// Server errors reach the browser without their message in production; the digest ties it to the log.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const message =
    process.env.NODE_ENV === 'development' && error.message
      ? error.message
      : `The page could not be loaded.${error.digest ? ` (Reference ${error.digest} in the server log.)` : ''}`;
  return <ErrorPanel title="This page could not be loaded" message={message} retry={reset} />;
}
