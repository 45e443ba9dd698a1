import { guardedRoute } from '@/lib/auth/route';
import { channelArn } from '@/lib/ivs/channels';
import { getStream, liveSnapshot, type LiveStreamDto } from '@/lib/ivs/streams';

// A channel page asks about one channel: GetStream is exact and costs one call per poll, where the
// shared snapshot may be seconds old (it could contradict the page's own GetStream read).
const DIRECT_MAX = 3;

// Live state for client polling (channel list, /live, channel page). Lists are served from the
// shared per-region snapshot, so any number of open tabs costs the same few ListStreams calls.
// `?ids=a,b` narrows the answer to those channel ids (the rows a page shows).
export const GET = guardedRoute('viewer', async (req, { region }) => {
  const ids = new URL(req.url).searchParams.get('ids');
  const wanted = ids ? [...new Set(ids.split(',').filter((id) => /^[a-zA-Z0-9-]{1,128}$/.test(id)))] : null;
  const headers = { 'cache-control': 'no-store' };
  if (wanted && wanted.length <= DIRECT_MAX) {
    const streams = await Promise.all(
      wanted.map(async (id) => {
        const arn = await channelArn(region, id);
        return arn ? getStream(region, arn) : null;
      }),
    );
    return Response.json({ fetchedAt: Date.now(), streams: streams.filter((s): s is LiveStreamDto => !!s) }, { headers });
  }
  const snapshot = await liveSnapshot(region);
  const set = wanted ? new Set(wanted) : null;
  const streams = set ? snapshot.streams.filter((s) => set.has(s.channelId)) : snapshot.streams;
  return Response.json({ fetchedAt: snapshot.fetchedAt, streams }, { headers });
});
