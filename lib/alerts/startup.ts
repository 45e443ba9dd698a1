import 'server-only';
import { startDispatcher } from '@/lib/alerts/dispatcher';
import { eventsAfter } from '@/lib/events';
import { env } from '@/lib/env';
import { listTags } from '@/lib/ivs/tags';
import { store } from '@/lib/store';

/** Called from instrumentation.ts: the alert dispatcher's loop, every ALERTS_DISPATCH_SECONDS (0: off). */
export function startAlerts(): void {
  startDispatcher(env.ALERTS_DISPATCH_SECONDS, async () => ({
    db: await store(),
    eventsAfter,
    channelTags: (region, channelArn) => listTags(region, channelArn),
  }));
}
