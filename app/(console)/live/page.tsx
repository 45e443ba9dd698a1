import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Providers } from '@/components/providers';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { describeIvsError } from '@/lib/ivs/errors';
import { IVS_REGIONS, isIvsRegion } from '@/lib/ivs/regions';
import { boardPage, liveBoard } from '@/lib/live-board/board';
import { parseBoardQuery } from '@/lib/live-board/query';
import { LiveBoard } from './_components/live-board';

export const metadata: Metadata = { title: 'Live' };

const DESCRIPTION = 'Every live channel, worst first: starving, then unhealthy, then by findings. Refreshes every 10 seconds.';

// The health board's first paint: the same ranked board the polling route serves (lib/live-board/board.ts).
export default async function LivePage({ searchParams }: { searchParams: Promise<{ page?: string; all?: string; in?: string }> }) {
  const user = await requireUser('viewer');
  const [region, sp] = await Promise.all([currentRegion(), searchParams]);
  const query = parseBoardQuery(sp);
  if (sp.all === '1') {
    // A page link of one region's board names it (`in`); the other regions show their first page.
    const paged = isIvsRegion(sp.in) && query.success ? { region: sp.in, page: query.data.page } : null;
    return <AllRegions current={region} canStop={hasRole(user.role, 'operator')} paged={paged} />;
  }
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
      <PageHeader
        title="Live"
        description={`${DESCRIPTION.replace('Every live channel', `Every live channel in ${region}`)}`}
        actions={
          <Link href="/live?all=1" prefetch={false} className={buttonClasses('secondary', 'sm')}>
            All regions
          </Link>
        }
      />
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

/**
 * Every IVS region at once: each region's board read in parallel (the shared per-region live snapshot
 * and metrics read, lib/live-board/board.ts), each polled on its own, and a region that fails shows
 * its error in its own section without holding up or blanking the others. Stopping a stream stays
 * in the current region, where the console's actions act.
 */
async function AllRegions({
  current,
  canStop,
  paged,
}: {
  current: string;
  canStop: boolean;
  paged: { region: string; page: number } | null;
}) {
  const boards = await Promise.all(
    IVS_REGIONS.map(({ id }) =>
      liveBoard(id).then(
        (board) => ({ region: id, initial: boardPage(board, paged?.region === id ? paged.page : 1), error: null }),
        (error: unknown) => ({ region: id, initial: null, error: describeIvsError(error).message }),
      ),
    ),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Live"
        description={DESCRIPTION.replace('Every live channel', 'Every live channel in every IVS region')}
        actions={
          <Link href="/live" prefetch={false} className={buttonClasses('secondary', 'sm')}>
            Only {current}
          </Link>
        }
      />
      <Providers>
        {boards.map((b) => (
          <section key={b.region} aria-labelledby={`live-${b.region}`} data-live-region={b.region} className="space-y-2">
            <h2 id={`live-${b.region}`} className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">
              {b.region}
            </h2>
            {b.initial ? (
              <LiveBoard
                region={b.region}
                initial={b.initial}
                canStop={canStop && b.region === current}
                elsewhere={b.region !== current}
                allRegions
              />
            ) : (
              <ErrorPanel title={`Live streams in ${b.region} could not be loaded`} message={b.error ?? ''} />
            )}
          </section>
        ))}
      </Providers>
    </div>
  );
}
