import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PLAYBACK_KEY_PAIR_QUOTA } from '@/lib/ivs/schemas/playback-key';
import { QuotaNote } from './quota-note';

/** Shows the form while the region has room for another key pair, an explanation otherwise. */
export function QuotaGate({ used, region, children }: { used: number; region: string; children: ReactNode }) {
  if (used >= PLAYBACK_KEY_PAIR_QUOTA) {
    return (
      <EmptyState
        title={`${used} of ${PLAYBACK_KEY_PAIR_QUOTA} key pairs used in ${region}`}
        description="IVS allows 3 playback key pairs per region. Delete one that no longer signs tokens, then come back."
        action={<ButtonLink href="/playback-keys">Back to playback keys</ButtonLink>}
      />
    );
  }
  return (
    <div className="space-y-4">
      <QuotaNote used={used} region={region} />
      {children}
    </div>
  );
}
