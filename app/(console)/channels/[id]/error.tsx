'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ChannelError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The channel could not be shown" message={error.message || 'Something went wrong.'} retry={reset} />;
}
