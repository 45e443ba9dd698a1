import 'server-only';
import { channelQueryProblems } from '@/lib/channel-list/check-query';
import { matchesQuery, toExportChannel, type ChannelQuery, type ExportChannel } from '@/lib/channel-list/filter';
import { consoleAccount } from '@/lib/ivs/account';
import { listChannelsPage } from '@/lib/ivs/channels';
import { liveSnapshot } from '@/lib/ivs/streams';

/** What is wrong with the list's filter, in one message, before IVS sees it (the model's checks, region and account). */
export async function channelQueryProblem(region: string, query: ChannelQuery, token = ''): Promise<string | undefined> {
  const problems = channelQueryProblems({ ...query, token }, { region, account: await consoleAccount() });
  return (
    problems.filter ??
    (problems.tagKey && `Tag key: ${problems.tagKey}`) ??
    (problems.tagValue && `Tag value: ${problems.tagValue}`) ??
    problems.token
  );
}

/**
 * Every channel the list's filter matches, one ListChannels page after another from `token`, up to
 * `maxPages`; `truncated` when more pages were left. The "Live" quick filter reads the shared live
 * snapshot, as the list does.
 */
export async function matchingChannels(
  region: string,
  query: ChannelQuery,
  { maxPages, token = '' }: { maxPages: number; token?: string },
): Promise<{ channels: ExportChannel[]; truncated: boolean }> {
  const live = query.live ? new Set((await liveSnapshot(region)).streams.map((s) => s.channelArn)) : undefined;
  const channels: ExportChannel[] = [];
  let next: string | null = token || null;
  let pages = 0;
  do {
    const page = await listChannelsPage(region, { nextToken: next ?? undefined, filter: query.ivs });
    channels.push(...page.channels.filter((c) => matchesQuery(c, query, live)).map(toExportChannel));
    next = page.nextToken;
    pages++;
  } while (next && pages < maxPages);
  return { channels, truncated: Boolean(next) };
}
