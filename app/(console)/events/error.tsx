'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function EventsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Events could not be shown" message={error.message || 'Something went wrong.'} retry={reset} />;
}
