import type { Metadata } from 'next';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Providers } from '@/components/providers';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { describeIvsError } from '@/lib/ivs/errors';
import { boardPage, liveBoard } from '@/lib/live-board/board';
import { parseBoardQuery } from '@/lib/live-board/query';
import { LiveBoard } from './_components/live-board';

export const metadata: Metadata = { title: 'Live' };

const DESCRIPTION = 'Every live channel, worst first: starving, then unhealthy, then by findings. Refreshes every 10 seconds.';

// The health board's first paint: the same ranked board the polling route serves (lib/live-board/board.ts).
export default async function LivePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser('viewer');
  const [region, sp] = await Promise.all([currentRegion(), searchParams]);
  const query = parseBoardQuery(sp);
  let initial;
  try {
    initial = boardPage(await liveBoard(region), query.success ? query.data.page : 1);
  } catch (error) {
    return (
      <>
        <PageHeader title="Live" description={DESCRIPTION} />
        <ErrorPanel title="Live streams could not be loaded" message={describeIvsError(error).message} />
      </>
    );
  }

  return (
    <div className="space-y-4">
      <PageHeader title="Live" description={`${DESCRIPTION.replace('Every live channel', `Every live channel in ${region}`)}`} />
      {!query.success && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {query.error.issues[0].message}: showing page 1.
        </p>
      )}
      {/* An empty region still gets the board: a channel that goes live while the page is open appears on it. */}
      <Providers>
        <LiveBoard region={region} initial={initial} canStop={hasRole(user.role, 'operator')} />
      </Providers>
    </div>
  );
}
