import 'server-only';
import type { ConsoleEvent, EventCursor, NewConsoleEvent } from '@/lib/alerts/console-event';

// TEMPORARY until the events branch (lib/events) is merged: the two functions alerts use from it.
export async function recordEvent(_e: NewConsoleEvent): Promise<{ event: ConsoleEvent; inserted: boolean }> {
  throw new Error('lib/events is not merged yet');
}
export async function eventsAfter(_cursor: EventCursor | null, _limit: number): Promise<ConsoleEvent[]> {
  return [];
}
