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

const KICK = Symbol.for('ivs-console.alerts-kick');
const kicks = globalThis as typeof globalThis & { [KICK]?: { running: Promise<void> | null; again: boolean } };

/**
 * Dispatches now rather than at the loop's next tick, when something has just recorded an event
 * (the intake, the watcher): a notification leaves within a second of the event, not up to
 * ALERTS_DISPATCH_SECONDS later. One run per process at a time; a kick during a run asks for one
 * more after it, so an event recorded meanwhile is not left for the loop. Off when the dispatcher is.
 */
export function kickDispatch(): Promise<void> {
  if (env.ALERTS_DISPATCH_SECONDS <= 0) return Promise.resolve();
  const state = (kicks[KICK] ??= { running: null, again: false });
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      await dispatchNow().catch((error: Error) =>
        console.error(`[alerts] dispatch failed: ${error.message.replace(/https?:\/\/\S+/g, '<url>')}`),
      );
    } while (state.again);
  })().finally(() => (state.running = null));
  return state.running;
}
