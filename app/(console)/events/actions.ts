'use server';

import { z } from 'zod';
import { ActionError, defineAction } from '@/lib/auth/action';
import { acknowledgeEvent } from '@/lib/events/store';

// An operator acknowledges an event in the feed ("I am on it"): audited with the event's channel, and
// safe to run twice (the first acknowledgement stands; lib/events/store.ts).

const input = z.object({ eventId: z.uuid({ message: 'Not an event id.' }) });

export const acknowledgeEventAction = defineAction({
  name: 'event.acknowledge',
  role: 'operator',
  input,
  resource: (i) => `event/${i.eventId}`,
  run: async ({ input, user }) => {
    const event = await acknowledgeEvent(input.eventId, user.email);
    if (!event) throw new ActionError('That event is no longer kept (past the retention period).', 'NotFound');
    return { acknowledgedBy: event.acknowledgedBy ?? user.email, acknowledgedAt: event.acknowledgedAt ?? Date.now() };
  },
});
