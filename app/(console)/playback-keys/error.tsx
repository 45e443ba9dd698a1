'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function PlaybackKeysError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const message =
    process.env.NODE_ENV === 'development' && error.message
      ? error.message
      : `Playback keys could not be loaded.${error.digest ? ` (Reference ${error.digest} in the server log.)` : ''}`;
  return <ErrorPanel title="Playback keys could not be loaded" message={message} retry={reset} />;
}
