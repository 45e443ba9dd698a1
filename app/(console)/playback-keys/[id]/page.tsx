import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { PageHeader } from '@/components/ui/page-header';
import { TagEditor } from '@/components/tag-editor/tag-editor';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { getPlaybackKeyPair } from '@/lib/ivs/playback-keys';
import { currentRegion } from '@/lib/auth/region';
import { playbackKeyPairIdSchema } from '@/lib/ivs/schemas/playback-key';
import { DeleteKeyPairButton } from '../_components/delete-key-pair-button';

export const metadata = { title: 'Playback key pair' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[10rem_1fr]">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

export default async function PlaybackKeyPairPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('viewer');
  const { id } = await params;
  if (!playbackKeyPairIdSchema.safeParse(id).success) notFound();
  const pair = await getPlaybackKeyPair(await currentRegion(), id);
  if (!pair) notFound();
  const label = pair.name || pair.id;

  return (
    <>
      <PageHeader
        title={pair.name || <span className="italic">(unnamed) {pair.id}</span>}
        description="A playback key pair. IVS verifies playback tokens for private channels with this public key."
        actions={
          <>
            <ButtonLink href="/playback-keys/token">Generate a token</ButtonLink>
            {hasRole(user.role, 'admin') && <DeleteKeyPairButton id={pair.id} label={label} />}
          </>
        }
      />
      <dl className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white px-4 dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        <Row label="ARN">
          <span className="font-mono text-xs break-all">{pair.arn}</span> <CopyButton value={pair.arn} label="Copy ARN" />
        </Row>
        <Row label="Fingerprint">
          <span className="font-mono text-xs break-all" data-testid="fingerprint">
            {pair.fingerprint}
          </span>{' '}
          <CopyButton value={pair.fingerprint} label="Copy fingerprint" />
        </Row>
        <Row label="Private key">
          Not stored by IVS or by this console. Tokens are signed with it wherever you keep it (your token service, or the token generator
          in your browser).
        </Row>
      </dl>
      <div className="mt-6">
        <TagEditor resourceArn={pair.arn} tags={pair.tags} canEdit={hasRole(user.role, 'operator')} />
      </div>
    </>
  );
}
