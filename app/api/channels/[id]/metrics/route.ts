import { guardedRoute } from '@/lib/auth/route';
import { readChannelMetrics } from '@/lib/metrics/read';
import { channelMetricsQuerySchema } from '@/lib/metrics/schemas';

// A channel's stream-health series for the last N minutes (default 30, 5 to 180), for a chart that
// polls: every metric in one GetMetricData call. Columnar (timestamps[], values[]) as chart libraries
// such as uPlot take them. Metrics hold no secrets; any signed-in viewer may read them.
export const GET = guardedRoute<{ id: string }>('viewer', async (req, { region, params }) => {
  const parsed = channelMetricsQuerySchema.safeParse({ id: params.id, minutes: new URL(req.url).searchParams.get('minutes') ?? undefined });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return Response.json({ error: Object.values(fieldErrors).join(' '), code: 'BadRequest', fieldErrors }, { status: 400 });
  }
  const { id, minutes } = parsed.data;
  // End on the current second: a 5-second period that has only begun is dropped by CloudWatch anyway.
  const end = new Date(Math.floor(Date.now() / 1000) * 1000);
  const start = new Date(end.getTime() - minutes * 60_000);
  const data = await readChannelMetrics(region, { channelIds: [id], start, end });
  return Response.json({ channelId: id, start: data.start, end: data.end, period: data.period, series: data.channels[id] });
});
