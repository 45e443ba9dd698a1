import { guardedRoute } from '@/lib/auth/route';
import { readSessionHealth } from '@/lib/session-health/read';
import { sessionHealthParamsSchema } from '@/lib/session-health/schemas';

// A stream session's charts, events, ingest-vs-limits and findings, for the session page to poll
// while the session is live (an ended one is rendered once and not polled). Metrics and events hold no
// secrets; any signed-in viewer may read them.
export const GET = guardedRoute<{ id: string; streamId: string }>('viewer', async (_req, { region, params }) => {
  const parsed = sessionHealthParamsSchema.safeParse(params);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return Response.json({ error: Object.values(fieldErrors).join(' '), code: 'BadRequest', fieldErrors }, { status: 400 });
  }
  const health = await readSessionHealth(region, parsed.data.id, parsed.data.streamId);
  if (!health) return Response.json({ error: 'No such stream session on this channel.', code: 'NotFound' }, { status: 404 });
  return Response.json(health);
});
