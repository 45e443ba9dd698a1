import { after } from 'next/server';
import { kickDispatch } from '@/lib/alerts/startup';
import { recordEvent } from '@/lib/events';
import { stoppedFromConsole } from '@/lib/events/watch-state';
import { env } from '@/lib/env';
import { countIntake } from '@/lib/eventbridge/intake-counters';
import { handleEventBridgeDelivery } from '@/lib/eventbridge/intake';
import { store } from '@/lib/store';

// Machine to machine: EventBridge's API destination, no console session. proxy.ts lets every /api/
// path through to its handler, and this one is its own guard: the shared secret (EVENTBRIDGE_SECRET)
// in x-ivs-console-secret, checked in constant time before the body is read (lib/eventbridge/intake.ts).
export async function POST(request: Request): Promise<Response> {
  return handleEventBridgeDelivery(request, {
    secret: env.EVENTBRIDGE_SECRET,
    record: recordEvent,
    count: async (outcome) => countIntake(await store(), outcome),
    // After the answer (on Vercel too, which keeps the function alive for it): send its notification now.
    onRecorded: () => after(kickDispatch),
    stoppedFromConsole: async (channelArn, since) => (await stoppedFromConsole(await store(), [channelArn], since)).has(channelArn),
  });
}
