import { guardedRoute } from '@/lib/auth/route';
import { liveSnapshot } from '@/lib/ivs/streams';

// Live state for client polling (channel list, /live, channel page): served from the shared
// per-region snapshot, so any number of open tabs costs the same few ListStreams calls.
// `?ids=a,b` narrows the answer to those channel ids (the rows a page shows).
export const GET = guardedRoute('viewer', async (req, { region }) => {
  const ids = new URL(req.url).searchParams.get('ids');
  const wanted = ids ? new Set(ids.split(',').filter(Boolean)) : null;
  const snapshot = await liveSnapshot(region);
  const streams = wanted ? snapshot.streams.filter((s) => wanted.has(s.channelId)) : snapshot.streams;
  return Response.json({ fetchedAt: snapshot.fetchedAt, streams }, { headers: { 'cache-control': 'no-store' } });
});
