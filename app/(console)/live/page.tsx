import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { sharedBatchGetChannels } from '@/lib/ivs/channels';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { liveSnapshot } from '@/lib/ivs/streams';
import { Providers } from '@/components/providers';
import { LiveTable } from './_components/live-table';

export const metadata: Metadata = { title: 'Live' };

// 50 per page: one BatchGetChannel call names the rows, however many channels are live.
const PAGE_SIZE = 50;

export default async function LivePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser('viewer');
  const [region, sp] = await Promise.all([currentRegion(), searchParams]);
  let data;
  try {
    const snapshot = await liveSnapshot(region);
    const sorted = [...snapshot.streams].sort((a, b) => b.viewerCount - a.viewerCount);
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(sp.page ?? '1', 10) || 1));
    const rows = sorted.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const channels = await sharedBatchGetChannels(
      region,
      rows.map((r) => r.channelArn),
    );
    const names = Object.fromEntries([...channels.values()].map((c) => [c.arn, c.name]));
    data = { snapshot, rows, names, page, pages, total: sorted.length };
  } catch (error) {
    return (
      <>
        <PageHeader title="Live" description="Channels that are live now." />
        <ErrorPanel title="Live streams could not be loaded" message={describeIvsError(error).message} />
      </>
    );
  }

  return (
    <div className="space-y-4">
      <PageHeader title="Live" description={`Channels live now in ${region}, most watched first. Refreshes every 10 seconds.`} />
      {data.snapshot.truncated && (
        <p role="status" className="text-sm text-yellow-800 dark:text-yellow-300">
          More channels are live than the console lists: only the first {data.total} are shown.
        </p>
      )}
      {data.total === 0 ? (
        <EmptyState title="Nothing is live" description={`No channel in ${region} is streaming right now.`} />
      ) : (
        <Providers>
          <LiveTable
            region={region}
            initial={{ fetchedAt: data.snapshot.fetchedAt, streams: data.rows }}
            names={data.names}
            canStop={hasRole(user.role, 'operator')}
            page={data.page}
            pages={data.pages}
            total={data.total}
          />
        </Providers>
      )}
    </div>
  );
}
