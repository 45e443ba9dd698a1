// The event feed's types (lib/events), as the alerts code reads them; client-safe.
export type { ConsoleEvent, EventKind, EventSeverity, EventSource, NewConsoleEvent } from '@/lib/events/types';

/** The dispatcher's place in the feed: the last event it handled, in (recordedAt, id) order. */
export type EventCursor = { recordedAt: number; id: string };
