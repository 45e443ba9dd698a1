import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import {
  countChannelsByRecordingConfiguration,
  listAllRecordingConfigurations,
  type RecordingConfigurationDto,
} from '@/lib/ivs/recording-configurations';
import { currentRegion } from '@/lib/auth/region';
import { ListFilter } from '../_components/list-filter';
import { RefreshWhileCreating } from '../_components/refresh-while-creating';
import { RecordingStateBadge } from '../_components/state-badge';

export const metadata = { title: 'Recording configurations' };

type Search = Promise<{ q?: string; state?: string }>;

export default async function RecordingConfigurationsPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const { q = '', state = '' } = await searchParams;

  let configs: RecordingConfigurationDto[];
  let counts: Record<string, string>;
  try {
    configs = await listAllRecordingConfigurations(region);
    counts = await countChannelsByRecordingConfiguration(
      region,
      configs.map((c) => c.arn),
    );
  } catch (error) {
    return <ReadError title="Recording configurations could not be loaded" message={describeIvsError(error).message} />;
  }

  const needle = q.trim().toLowerCase();
  const shown = configs
    .filter((c) => !needle || c.name.toLowerCase().includes(needle) || c.bucketName.includes(needle) || c.id.includes(needle))
    .filter((c) => !state || c.state === state)
    .sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
  const canCreate = hasRole(user.role, 'operator');

  return (
    <>
      <PageHeader
        title="Recording configurations"
        description={`Where channels in ${region} auto-record to Amazon S3. A channel records when it references an ACTIVE configuration.`}
        actions={
          canCreate && (
            <ButtonLink variant="primary" href="/recording-configurations/new">
              Create recording configuration
            </ButtonLink>
          )
        }
      />
      <RefreshWhileCreating creating={configs.some((c) => c.state === 'CREATING')} />
      {configs.length === 0 ? (
        <EmptyState
          title="No recording configurations"
          description="Create one to record channels to an S3 bucket in this region."
          action={
            canCreate && (
              <ButtonLink variant="primary" href="/recording-configurations/new">
                Create recording configuration
              </ButtonLink>
            )
          }
        />
      ) : (
        <div className="space-y-4">
          <ListFilter q={q} state={state} />
          <Table aria-label="Recording configurations">
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>S3 bucket</TH>
                <TH>State</TH>
                <TH className="text-right">Channels</TH>
              </TR>
            </THead>
            <TBody>
              {shown.map((c) => (
                <TR key={c.arn}>
                  <TD>
                    <Link
                      href={`/recording-configurations/${c.id}`}
                      className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {c.name || <span className="italic">(unnamed) {c.id}</span>}
                    </Link>
                  </TD>
                  <TD className="font-mono text-xs">{c.bucketName}</TD>
                  <TD>
                    <RecordingStateBadge state={c.state} />
                  </TD>
                  <TD className="text-right tabular-nums">{counts[c.arn] ?? 0}</TD>
                </TR>
              ))}
              {shown.length === 0 && (
                <TR>
                  <TD colSpan={4} className="text-center text-zinc-600">
                    No configuration matches these filters.
                  </TD>
                </TR>
              )}
            </TBody>
          </Table>
        </div>
      )}
    </>
  );
}
