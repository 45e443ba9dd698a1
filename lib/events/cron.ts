import 'server-only';
import { secretMatches } from '@/lib/security/shared-secret';

export interface CronDeps {
  /** CRON_SECRET; unset disables the route (404). */
  secret: string | undefined;
  watch: () => Promise<{ leader: boolean; recorded: number }>;
  dispatch: () => Promise<Record<string, number>>;
  purge: () => Promise<number>;
  /** Advances the bulk jobs (lib/jobs) within the request's time. */
  jobs: () => Promise<{ items: number }>;
}

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const failed = (error: unknown) => ({ error: error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, '<url>') : 'failed' });

/**
 * GET /api/cron/tick: one look of the event watcher, one alert dispatch, the events' retention and a
 * stretch of the bulk jobs' work, for
 * hosts where no process runs between requests (Vercel Cron, every minute). Vercel signs its requests
 * with `Authorization: Bearer $CRON_SECRET`, compared in constant time. Each part runs even when
 * another fails; the lease and SKIP LOCKED make it safe beside any instance's own loops.
 */
export async function handleCronTick(request: Request, deps: CronDeps): Promise<Response> {
  if (!deps.secret) return json({ error: 'Not found.' }, 404);
  const given = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? null;
  if (!secretMatches(given, deps.secret)) return json({ error: 'Missing or wrong Authorization header.' }, 401);
  const [watcher, alerts, retention, jobs] = await Promise.all([
    deps.watch().catch(failed),
    deps.dispatch().catch(failed),
    deps.purge().then((deleted) => ({ deleted }), failed),
    deps.jobs().catch(failed),
  ]);
  const ok = ![watcher, alerts, retention, jobs].some((r) => 'error' in r);
  return json({ watcher, alerts, retention, jobs }, ok ? 200 : 500);
}
