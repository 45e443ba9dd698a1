import type { Metadata } from 'next';
import Link from 'next/link';
import { FindResults } from '@/components/overview/find-results';
import { OpenInRegion } from '@/components/overview/open-in-region';
import { buttonClasses } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { IVS_REGIONS, isIvsRegion } from '@/lib/ivs/regions';
import { regionInventoryWithin, type RegionAnswer } from '@/lib/overview/cache';
import { describeRegionFailures } from '@/lib/overview/failures';
import { arnDestination, findInInventories } from '@/lib/overview/find';
import { parseFindQuery } from '@/lib/overview/query';
import type { RegionInventory } from '@/lib/overview/types';

export const metadata: Metadata = { title: 'Find' };

// Regions whose answer left something out of the search, and why.
function unsearched(answers: RegionAnswer[]): string[] {
  return answers.flatMap((a) => {
    if ('timedOut' in a) return [`${a.region} has not answered yet, so it was not searched.`];
    const channels = a.inventory.channels;
    const cut = channels?.truncated
      ? [
          `${a.region} has more channels than the console lists (${channels.items.length.toLocaleString('en-US')}): only those were searched.`,
        ]
      : [];
    return [...describeRegionFailures(a.region, a.inventory.failures), ...cut];
  });
}

// find-anywhere (the header's search box): every region's cached inventory (lib/overview/cache.ts),
// searched on the server; a pasted ARN is opened in its own region.
export default async function FindPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('viewer');
  const query = parseFindQuery(await searchParams);
  if (!query.success) {
    return (
      <>
        <PageHeader title="Find" />
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {query.error.issues[0].message}
        </p>
      </>
    );
  }
  const { q, fresh } = query.data;
  const arn = arnDestination(q);
  if (arn) {
    const known = isIvsRegion(arn.region);
    return (
      <div className="space-y-4">
        <PageHeader title="Find" description={`An IVS ${arn.label} ARN, in ${arn.region}.`} />
        {!known ? (
          <ErrorPanel
            title="Not a region this console works in"
            message={`${arn.region} is not one of: ${IVS_REGIONS.map((r) => r.id).join(', ')}.`}
          />
        ) : arn.path ? (
          <OpenInRegion region={arn.region} path={arn.path}>
            Open {arn.label} {arn.id} in {arn.region}
          </OpenInRegion>
        ) : (
          <p className="text-sm">A stream key has no page of its own: it shows on its channel’s page, in {arn.region}.</p>
        )}
      </div>
    );
  }

  const answers = await Promise.all(IVS_REGIONS.map((r) => regionInventoryWithin(r.id, { fresh: !!fresh })));
  const inventories = answers.flatMap((a): RegionInventory[] => ('timedOut' in a ? [] : [a.inventory]));
  const { results, total } = findInInventories(inventories, q);
  const problems = unsearched(answers);
  return (
    <div className="space-y-4">
      <PageHeader
        title={`Find “${q}”`}
        description="Channels, playback key pairs, recording configurations and restriction policies in every region, by name, id, ARN or tag."
        actions={
          <Link href={`/find?q=${encodeURIComponent(q)}&fresh=1`} prefetch={false} className={buttonClasses('secondary', 'sm')}>
            Read again
          </Link>
        }
      />
      {problems.length > 0 && (
        <ul role="alert" className="space-y-1 text-sm text-red-700 dark:text-red-400">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <FindResults query={q} results={results} total={total} />
    </div>
  );
}
