import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/auth/roles';
import { sharedChannelsPage, type ChannelListFilter } from '@/lib/ivs/channels';
import { referenceNames } from '@/lib/ivs/reference-names';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { liveSnapshot, type LiveSnapshot } from '@/lib/ivs/streams';
import { LIST_FILTERS } from '@/lib/ivs/schemas/channel';
import { ChannelListTools } from '@/components/channel-list/channel-list-tools';
import { TagFilterResults } from '@/components/channel-list/tag-filter-results';
import { ChannelTable } from '@/components/channel-list/channel-table';
import { Providers } from '@/components/providers';
import { Pager, parseCursor } from '@/components/channel-list/pager';
import { ChannelFilters } from '@/components/channel-list/channel-filters';
import { channelQueryProblems, hasProblems } from '@/lib/channel-list/check-query';
import { consoleAccount } from '@/lib/ivs/account';

export const metadata: Metadata = { title: 'Channels' };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (sp: SearchParams, k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? '';

// IVS takes one filter per ListChannels call; with several in the URL the first one wins and the
// page says so (rather than letting IVS answer ConflictException).
function parseFilter(sp: SearchParams): { filter?: ChannelListFilter; ignored: string[] } {
  const given = LIST_FILTERS.filter((k) => one(sp, k).trim());
  if (!given.length) return { ignored: [] };
  return { filter: { kind: given[0], value: one(sp, given[0]).trim() }, ignored: given.slice(1) };
}

// Only the live streams of the rows shown travel to the browser.
function onlyRows(snapshot: LiveSnapshot, rows: { arn: string }[]): LiveSnapshot {
  const arns = new Set(rows.map((r) => r.arn));
  return { ...snapshot, streams: snapshot.streams.filter((s) => arns.has(s.channelArn)) };
}

// The snapshot's result if it is already known, else null: a cold snapshot (every ListStreams page,
// one after another) must not hold the page back; the table's live query fills it in.
function settledNow<T>(p: Promise<T>): Promise<PromiseSettledResult<T> | null> {
  return Promise.race([Promise.allSettled([p]).then(([r]) => r), new Promise<null>((resolve) => setImmediate(() => resolve(null)))]);
}

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [region, sp, account] = await Promise.all([currentRegion(), searchParams, consoleAccount()]);
  const { filter, ignored } = parseFilter(sp);
  const cursor = parseCursor(sp);
  const tagKey = one(sp, 'tagKey').trim();
  // A bad filter or page token never reaches IVS: the page says what is wrong instead.
  const problems = channelQueryProblems(
    { ivs: filter, tagKey, tagValue: one(sp, 'tagValue'), token: cursor.token, prev: cursor.prev },
    { region, account },
  );
  const invalid = hasProblems(problems);

  // Rows, live state and reference names in parallel: the view costs max(latency), not the sum.
  // They start while the role check runs: proxy.ts has already turned away requests without a valid
  // session, and nothing is rendered unless requireUser passes.
  const snapshotPromise = liveSnapshot(region);
  const rows = invalid ? Promise.reject(new Error('not sent')) : sharedChannelsPage(region, { nextToken: cursor.token, filter });
  const reads = Promise.allSettled([rows, referenceNames(region)]);
  snapshotPromise.catch(() => undefined); // reported below when settled; never unhandled
  const user = await requireUser('viewer');
  const [page, names] = await reads;
  const snapshot = await settledNow(snapshotPromise);
  const refs = names.status === 'fulfilled' ? names.value : { recordingConfigurations: [], restrictionPolicies: [], adConfigurations: [] };
  const nameMap = Object.fromEntries(
    [...refs.recordingConfigurations, ...refs.restrictionPolicies, ...refs.adConfigurations].map((r) => [r.arn, r.name]),
  );
  const canCreate = hasRole(user.role, 'operator');
  // IVS cannot filter by tag: with a tag filter, the list loads every page on the client (with progress).
  const tagQuery = tagKey
    ? new URLSearchParams([
        ...(filter ? [[filter.kind, filter.value]] : []),
        ['tagKey', tagKey],
        ['tagValue', one(sp, 'tagValue')],
      ]).toString()
    : '';
  const base = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));

  return (
    <div className="space-y-4">
      <PageHeader
        title="Channels"
        description={`Channels in ${region}. Live state refreshes every 10 seconds.`}
        actions={
          canCreate && (
            <ButtonLink href="/channels/new" variant="primary">
              Create channel
            </ButtonLink>
          )
        }
      />
      <ChannelFilters kind={filter?.kind ?? 'name'} value={filter?.value ?? ''} error={problems.filter} {...refs} />
      <ChannelListTools canEdit={canCreate} />
      {ignored.length > 0 && (
        <p role="status" className="rounded-md bg-yellow-50 px-3 py-2 text-sm text-yellow-900 dark:bg-yellow-950 dark:text-yellow-200">
          IVS filters by one thing at a time, so only the {filter?.kind} filter was applied ({ignored.join(', ')} ignored).
        </p>
      )}
      {invalid ? (
        <ErrorPanel
          title="This filter cannot be used"
          message={[
            problems.filter,
            problems.tagKey && `Tag key: ${problems.tagKey}`,
            problems.tagValue && `Tag value: ${problems.tagValue}`,
            problems.token,
          ]
            .filter(Boolean)
            .join(' ')}
        />
      ) : tagQuery ? (
        <Providers>
          <TagFilterResults key={tagQuery} region={region} query={tagQuery} names={nameMap} canSelect={canCreate} />
        </Providers>
      ) : page.status === 'rejected' ? (
        <ErrorPanel title="The channel list could not be loaded" message={describeIvsError(page.reason).message} />
      ) : page.value.channels.length === 0 ? (
        <EmptyState
          title={filter ? 'No channel matches this filter' : 'No channels yet'}
          description={filter ? 'IVS returned no channel for this filter in this region.' : `There are no channels in ${region}.`}
          action={
            canCreate && !filter ? (
              <ButtonLink href="/channels/new" variant="primary">
                Create channel
              </ButtonLink>
            ) : undefined
          }
        />
      ) : (
        <>
          {snapshot?.status === 'rejected' && (
            <p role="status" className="text-sm text-yellow-800 dark:text-yellow-300">
              Live state is unavailable: {describeIvsError(snapshot.reason).message}
            </p>
          )}
          <Providers>
            <ChannelTable
              region={region}
              rows={page.value.channels}
              initialLive={snapshot?.status === 'fulfilled' ? onlyRows(snapshot.value, page.value.channels) : null}
              names={nameMap}
              canSelect={canCreate}
              canDelete={hasRole(user.role, 'admin')}
            />
          </Providers>
          <Pager base={base} cursor={cursor} nextToken={page.value.nextToken} rows={page.value.channels.length} />
        </>
      )}
    </div>
  );
}
