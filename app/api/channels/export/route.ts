import { guardedRoute } from '@/lib/auth/route';
import { channelQueryString, channelsToCsv, matchesQuery, parseChannelQuery, toExportChannel } from '@/lib/channel-list/filter';
import { channelQueryProblem, matchingChannels } from '@/lib/channel-list/matching-channels';
import { listChannelsPage } from '@/lib/ivs/channels';
import { liveSnapshot } from '@/lib/ivs/streams';

// The channel list under its current filter, as a CSV or JSON download (tags included; ListChannels
// carries no stream key, and only the fields of ExportChannel are written). With `paged=1` it answers
// one ListChannels page at a time, filtered, for the list's tag filter and "tag all matching", which
// load page by page to show progress.
const MAX_PAGES = 100; // 10,000 channels; IVS allows 5 ListChannels calls per second, so ~20 s at most.

const error = (message: string, status = 400) => Response.json({ error: message, code: 'BadRequest' }, { status });

export const GET = guardedRoute('viewer', async (req, { region }) => {
  const params = new URL(req.url).searchParams;
  const query = parseChannelQuery(params);
  const token = params.get('token') ?? '';
  // The list's own checks: nothing the model or the console's region and account refuse reaches IVS.
  const problem = await channelQueryProblem(region, query, token);
  if (problem) return error(problem);
  if (params.get('paged') === '1') {
    // The list's "Live" quick filter: the shared live snapshot, as the list itself uses.
    const live = query.live ? new Set((await liveSnapshot(region)).streams.map((s) => s.channelArn)) : undefined;
    const page = await listChannelsPage(region, { nextToken: token, filter: query.ivs });
    const channels = page.channels.filter((c) => matchesQuery(c, query, live)).map(toExportChannel);
    return Response.json({ channels, scanned: page.channels.length, nextToken: page.nextToken });
  }

  const format = params.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') return error('Choose format=csv or format=json.');
  const { channels, truncated } = await matchingChannels(region, query, { maxPages: MAX_PAGES, token });

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const headers: Record<string, string> = {
    'content-disposition': `attachment; filename="channels-${region}-${stamp}.${format}"`,
    'x-export-truncated': String(truncated),
  };
  if (format === 'csv')
    return new Response(channelsToCsv(channels), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  const body = {
    region,
    exportedAt: new Date().toISOString(),
    filter: channelQueryString(query).toString(),
    count: channels.length,
    truncated,
    channels,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
});
