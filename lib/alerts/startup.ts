import 'server-only';
import { dispatchOnce, startDispatcher, type DispatchDeps } from '@/lib/alerts/dispatcher';
import { eventsAfter } from '@/lib/events';
import { env } from '@/lib/env';
import { listTags } from '@/lib/ivs/tags';
import { store } from '@/lib/store';

const dispatchDeps = async (): Promise<DispatchDeps> => ({
  db: await store(),
  eventsAfter,
  channelTags: (region, channelArn) => listTags(region, channelArn),
});

/** Called from instrumentation.ts: the alert dispatcher's loop, every ALERTS_DISPATCH_SECONDS (0: off). */
export function startAlerts(): void {
  startDispatcher(env.ALERTS_DISPATCH_SECONDS, dispatchDeps);
}

/** One dispatch, for GET /api/cron/tick (Vercel); deliveries are claimed with SKIP LOCKED, so it may overlap a loop. */
export async function dispatchNow() {
  return dispatchOnce(await dispatchDeps());
}
