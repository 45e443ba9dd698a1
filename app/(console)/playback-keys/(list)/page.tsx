import Link from 'next/link';
import { Button, ButtonLink } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { listPlaybackKeyPairs, type PlaybackKeyPairDto } from '@/lib/ivs/playback-keys';
import { currentRegion } from '@/lib/auth/region';
import { PLAYBACK_KEY_PAIR_QUOTA } from '@/lib/ivs/schemas/playback-key';
import { QuotaNote } from '../_components/quota-note';

export const metadata = { title: 'Playback keys' };

export default async function PlaybackKeysPage() {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  let pairs: PlaybackKeyPairDto[];
  try {
    pairs = await listPlaybackKeyPairs(region);
  } catch (error) {
    return <ErrorPanel title="Playback key pairs could not be loaded" message={describeIvsError(error).message} />;
  }
  const canImport = hasRole(user.role, 'admin');
  const full = pairs.length >= PLAYBACK_KEY_PAIR_QUOTA;
  const actions = (
    <>
      <ButtonLink href="/playback-keys/token">Token generator</ButtonLink>
      {canImport &&
        (full ? (
          <>
            <Button disabled title="3 of 3 key pairs used in this region">
              Generate key pair
            </Button>
            <Button variant="primary" disabled title="3 of 3 key pairs used in this region">
              Import key pair
            </Button>
          </>
        ) : (
          <>
            <ButtonLink href="/playback-keys/generate">Generate key pair</ButtonLink>
            <ButtonLink variant="primary" href="/playback-keys/new">
              Import key pair
            </ButtonLink>
          </>
        ))}
    </>
  );

  return (
    <>
      <PageHeader
        title="Playback keys"
        description="Key pairs whose private key signs playback tokens for private channels. IVS holds only the public key; the private key stays with you."
        actions={actions}
      />
      <div className="mb-4">
        <QuotaNote used={pairs.length} region={region} />
      </div>
      {pairs.length === 0 ? (
        <EmptyState
          title="No playback key pairs in this region"
          description="Private channels need one: import the public key of an ECDSA P-384 pair, or generate a pair in your browser."
          action={
            canImport && (
              <ButtonLink variant="primary" href="/playback-keys/generate">
                Generate key pair
              </ButtonLink>
            )
          }
        />
      ) : (
        <Table aria-label="Playback key pairs">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Fingerprint</TH>
              <TH>ARN</TH>
              <TH>Tags</TH>
            </TR>
          </THead>
          <TBody>
            {pairs.map((p) => (
              <TR key={p.arn}>
                <TD>
                  <Link href={`/playback-keys/${p.id}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
                    {p.name || <span className="italic">(unnamed) {p.id}</span>}
                  </Link>
                </TD>
                <TD className="max-w-64 font-mono text-xs break-all">{p.fingerprint}</TD>
                <TD>
                  <div className="flex items-center gap-1">
                    <span className="font-mono text-xs break-all">{p.arn}</span>
                    <CopyButton value={p.arn} label="Copy ARN" name={`Copy ARN of ${p.name || p.id}`} />
                  </div>
                </TD>
                <TD className="text-xs">
                  {Object.keys(p.tags).length === 0
                    ? '—'
                    : Object.entries(p.tags).map(([k, v]) => (
                        <span key={k} className="mr-1 mb-1 inline-block rounded bg-zinc-100 px-1.5 py-0.5 font-mono dark:bg-zinc-800">
                          {k}={v}
                        </span>
                      ))}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
