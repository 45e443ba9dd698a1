'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function AdConfigurationsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const message =
    process.env.NODE_ENV === 'development' && error.message
      ? error.message
      : `Ad configurations could not be loaded.${error.digest ? ` (Reference ${error.digest} in the server log.)` : ''}`;
  return <ErrorPanel title="Ad configurations could not be loaded" message={message} retry={reset} />;
}
