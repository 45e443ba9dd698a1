// The event types of lib/events (the event feed's store), as the alerts code reads them. Kept here
// only until the events branch is merged; then this module re-exports lib/events' own types.
export type EventKind =
  | 'stream.started'
  | 'stream.ended'
  | 'health.changed'
  | 'starvation.started'
  | 'starvation.ended'
  | 'finding.appeared'
  | 'viewers.dropped'
  | 'recording.failed'
  | 'limit.breached';
export type EventSeverity = 'critical' | 'warning' | 'info';
export type EventSource = 'watcher' | 'eventbridge';

export interface NewConsoleEvent {
  kind: EventKind;
  severity: EventSeverity;
  source: EventSource;
  region: string;
  channelArn: string;
  streamId?: string | null;
  occurredAt: number;
  title: string;
  detail: string;
  dedupeKey: string;
  data?: Record<string, unknown>;
}

export interface ConsoleEvent extends NewConsoleEvent {
  id: string;
  recordedAt: number;
}

export type EventCursor = { recordedAt: number; id: string };
