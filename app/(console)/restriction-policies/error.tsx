'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function RestrictionPoliciesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const message =
    process.env.NODE_ENV === 'development' && error.message
      ? error.message
      : `Restriction policies could not be loaded.${error.digest ? ` (Reference ${error.digest} in the server log.)` : ''}`;
  return <ErrorPanel title="Restriction policies could not be loaded" message={message} retry={reset} />;
}
