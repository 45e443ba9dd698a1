import { guardedRoute } from '@/lib/auth/route';
import { channelArn } from '@/lib/ivs/channels';
import { channelIdSchema } from '@/lib/ivs/schemas/channel';
import { listStreamSessions } from '@/lib/ivs/streams';

// The channel's recent stream sessions (one ListStreamSessions page, newest first), for the channel
// page's list, which refetches when the live state says a stream started or ended. Session ids and
// times hold no secret; any signed-in viewer may read them.
export const GET = guardedRoute<{ id: string }>('viewer', async (_req, { region, params }) => {
  if (!channelIdSchema.safeParse(params.id).success)
    return Response.json({ error: 'Not a channel id.', code: 'BadRequest' }, { status: 400 });
  const arn = await channelArn(region, params.id);
  if (!arn) return Response.json({ error: 'No channel with this id.', code: 'ResourceNotFoundException' }, { status: 404 });
  const { sessions } = await listStreamSessions(region, arn);
  return Response.json({ fetchedAt: Date.now(), sessions });
});
