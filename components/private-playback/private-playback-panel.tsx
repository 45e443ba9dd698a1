import type { ReactNode } from 'react';
import { hasRole, type Role } from '@/lib/auth/roles';
import { TokenGenerator } from './token-generator';
import { ViewerRevocationForm } from './viewer-revocation-form';

export interface PrivatePlaybackPanelProps {
  channelArn: string;
  playbackUrl: string;
  role: Role;
  /** The page shows a test player for this channel, so a fresh token can be played at once. */
  testPlayer?: boolean;
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900" aria-label={title}>
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
      {children}
    </section>
  );
}

/**
 * For private (authorized) channels. Every signed-in role, viewers included, may generate tokens:
 * signing happens in the browser with a private key the user already holds and calls no IVS API.
 * Revoking viewer sessions changes IVS state, so it is shown to operators and admins only (and the
 * actions refuse anyone else).
 */
export function PrivatePlaybackPanel({ channelArn, playbackUrl, role, testPlayer = false }: PrivatePlaybackPanelProps) {
  return (
    <div className="space-y-6">
      <Section
        title="Playback token"
        description="Sign a playback token for this private channel with the private key of one of your playback key pairs."
      >
        <TokenGenerator channelArn={channelArn} playbackUrl={playbackUrl} testPlayer={testPlayer} />
      </Section>
      {hasRole(role, 'operator') && (
        <Section
          title="Revoke viewer sessions"
          description="Stops playback for viewers whose tokens carry these viewer ids (aws:viewer-id). Revocation can take a few minutes to take effect."
        >
          <ViewerRevocationForm channelArn={channelArn} />
        </Section>
      )}
    </div>
  );
}
