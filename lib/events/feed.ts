import 'server-only';
import { listEvents } from '@/lib/events/store';
import { EVENTS_PAGE_SIZE, type EventsView } from '@/lib/events/search-params';
import type { ConsoleEvent } from '@/lib/events/types';
import { parseArn } from '@/lib/ivs/arn';
import { channelArn } from '@/lib/ivs/channels';

export interface EventsPage {
  events: ConsoleEvent[];
  next: string | null;
}

/** One page of the feed for a checked view (the page's first render and GET /api/events share it). */
export async function readEventsPage(region: string, view: EventsView): Promise<EventsPage> {
  const { channel, kind, severity, before } = view.query;
  // A channel id is taken as one of this region's channels (as in /channels/[id]); an ARN names any.
  const arn = channel ? (parseArn(channel) ? channel : await channelArn(region, channel)) : undefined;
  if (channel && !arn) return { events: [], next: null };
  return listEvents({ channelArn: arn ?? undefined, kind, severity, before, limit: EVENTS_PAGE_SIZE });
}
