import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { countChannelsByAdConfiguration, listAllAdConfigurations, type AdConfigurationDto } from '@/lib/ivs/ad-configurations';
import { currentRegion } from '@/lib/auth/region';

export const metadata = { title: 'Ad configurations' };

export default async function AdConfigurationsPage() {
  const user = await requireUser('viewer');
  const region = await currentRegion();

  let configs: AdConfigurationDto[];
  let counts: Record<string, string>;
  try {
    configs = await listAllAdConfigurations(region);
    counts = await countChannelsByAdConfiguration(
      region,
      configs.map((c) => c.arn),
    );
  } catch (error) {
    return <ReadError title="Ad configurations could not be loaded" message={describeIvsError(error).message} />;
  }
  const shown = [...configs].sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
  const create = hasRole(user.role, 'operator') && (
    <ButtonLink variant="primary" href="/ad-configurations/new">
      Create ad configuration
    </ButtonLink>
  );

  return (
    <>
      <PageHeader
        title="Ad configurations"
        description={`Server-side ad insertion for channels in ${region}, through AWS Elemental MediaTailor. A channel can insert ad breaks when it references one.`}
        actions={create}
      />
      {configs.length === 0 ? (
        <EmptyState
          title="No ad configurations"
          description="Create one to insert ad breaks into live channels in this region."
          action={create}
        />
      ) : (
        <Table aria-label="Ad configurations">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Playback configurations</TH>
              <TH>Post-roll</TH>
              <TH className="text-right">Channels</TH>
            </TR>
          </THead>
          <TBody>
            {shown.map((c) => (
              <TR key={c.arn}>
                <TD>
                  <Link href={`/ad-configurations/${c.id}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
                    {c.name || <span className="italic">(unnamed) {c.id}</span>}
                  </Link>
                </TD>
                <TD className="tabular-nums">{c.playbackConfigurationArns.length}</TD>
                <TD>{c.postRoll.enabled ? `${c.postRoll.durationSeconds} s` : 'Off'}</TD>
                <TD className="text-right tabular-nums">{counts[c.arn] ?? 0}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
