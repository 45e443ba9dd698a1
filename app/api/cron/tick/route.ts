import { dispatchNow } from '@/lib/alerts/startup';
import { env } from '@/lib/env';
import { handleCronTick } from '@/lib/events/cron';
import { watchOnce } from '@/lib/events/startup';
import { eventStore, purgeEvents } from '@/lib/events/store';
import { runJobs } from '@/lib/jobs/server';

// Vercel Cron (vercel.json) calls this every minute: on a host where nothing runs between requests it
// is what drives the event watcher, the alert dispatcher and the bulk jobs (lib/events/cron.ts). Its own guard, like
// every /api/ route: CRON_SECRET as a bearer token.
export const maxDuration = 60;
const JOBS_BUDGET_MS = 45_000;

export async function GET(request: Request): Promise<Response> {
  return handleCronTick(request, {
    secret: env.CRON_SECRET,
    watch: watchOnce,
    dispatch: dispatchNow,
    purge: () => purgeEvents(eventStore, env.EVENTS_RETENTION_DAYS),
    // Most of the minute's budget: the next cron call comes a minute later.
    jobs: () => runJobs(JOBS_BUDGET_MS),
  });
}
