import { guardedRoute } from '@/lib/auth/route';
import { readChannelHealth } from '@/lib/channel-health/read';
import { channelMetricsQuerySchema } from '@/lib/metrics/schemas';

// The live channel page's "Stream health" section polls this every 10 s while the channel is live:
// series, the newest session's starvation and events, and the findings in one answer (see
// lib/channel-health/read.ts). Metrics and findings hold no secrets; any signed-in viewer may read them.
export const GET = guardedRoute<{ id: string }>('viewer', async (req, { region, params }) => {
  const parsed = channelMetricsQuerySchema.safeParse({ id: params.id, minutes: new URL(req.url).searchParams.get('minutes') ?? undefined });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return Response.json({ error: Object.values(fieldErrors).join(' '), code: 'BadRequest', fieldErrors }, { status: 400 });
  }
  const health = await readChannelHealth(region, parsed.data.id, parsed.data.minutes);
  if (!health) return Response.json({ error: `Channel ${parsed.data.id} does not exist in ${region}.`, code: 'NotFound' }, { status: 404 });
  return Response.json(health);
});
