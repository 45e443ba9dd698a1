'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function LiveError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Live streams could not be shown" message={error.message || 'Something went wrong.'} retry={reset} />;
}
