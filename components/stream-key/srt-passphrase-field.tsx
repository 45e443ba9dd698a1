'use client';

import { copySrtPassphraseAction, revealSrtPassphraseAction } from './actions';
import { hasRole, type Role } from '@/lib/auth/roles';
import { SRT_PASSPHRASE_MASK } from '@/lib/ivs/stream-key-format';
import { SecretField } from '@/components/stream-key/secret-field';

/** The channel's SRT passphrase, masked; operators reveal or copy it through audited actions. */
export function SrtPassphraseField({ channelArn, role }: { channelArn: string; role: Role }) {
  return (
    <SecretField
      id="srt-passphrase"
      label="SRT passphrase"
      mask={SRT_PASSPHRASE_MASK}
      canReveal={hasRole(role, 'operator')}
      reveal={() => revealSrtPassphraseAction({ channelArn })}
      copy={() => copySrtPassphraseAction({ channelArn })}
    />
  );
}
