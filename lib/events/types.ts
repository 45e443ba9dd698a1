// What the console learnt happened to a channel: from its own watcher or from IVS's EventBridge events.
// Client-safe (the /events page imports these); the store functions are in lib/events/store.ts.

export const EVENT_KINDS = [
  'stream.started',
  'stream.ended',
  'health.changed',
  'starvation.started',
  'starvation.ended',
  'finding.appeared',
  'viewers.dropped',
  'recording.failed',
  'limit.breached',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

export const EVENT_SOURCES = ['watcher', 'eventbridge'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export interface NewConsoleEvent {
  kind: EventKind;
  severity: EventSeverity;
  source: EventSource;
  region: string;
  channelArn: string;
  streamId?: string | null;
  /** Epoch ms: when it happened, not when the console learnt it. */
  occurredAt: number;
  /** Plain English, no secrets. */
  title: string;
  detail: string;
  /** The same happening seen by the watcher and by EventBridge gets the same key: the second is not stored. */
  dedupeKey: string;
  /** Small JSON, no secrets. */
  data?: Record<string, unknown>;
}

export interface ConsoleEvent extends NewConsoleEvent {
  id: string;
  /** Epoch ms the store committed it (the dispatcher's order; the feed is in occurredAt order). */
  recordedAt: number;
  /** Who acknowledged it in the feed, and when (epoch ms); null until someone does. */
  acknowledgedBy?: string | null;
  acknowledgedAt?: number | null;
}

export interface EventFilter {
  channelArn?: string;
  kind?: EventKind;
  severity?: EventSeverity;
  region?: string;
  /** A cursor from a previous page's `next`: only events older than its last one. */
  before?: string;
  limit?: number;
}

/** A feed cursor: `<occurredAt ms>~<id>` of the last event of a page. */
export const encodeEventCursor = (e: { occurredAt: number; id: string }) => `${e.occurredAt}~${e.id}`;

export function decodeEventCursor(value: string): { occurredAt: number; id: string } | undefined {
  const match = /^(\d{1,15})~([A-Za-z0-9-]{1,64})$/.exec(value);
  return match ? { occurredAt: Number(match[1]), id: match[2] } : undefined;
}

/**
 * The dedupe key both sources build for one happening. Stream start and end happen once per stream, so
 * the stream id is enough; the rest get the minute they occurred in (watcher and EventBridge times of the
 * same starvation differ by the metric's resolution, not by minutes). `detail` tells apart several findings
 * or health states within one stream.
 */
export function eventDedupeKey(
  kind: EventKind,
  channelArn: string,
  streamId: string | null | undefined,
  occurredAt: number,
  detail = '',
): string {
  const once = kind === 'stream.started' || kind === 'stream.ended';
  const bucket = once ? '' : `:${Math.floor(occurredAt / 60_000)}`;
  return `${kind}:${channelArn}:${streamId ?? '-'}${detail ? `:${detail}` : ''}${bucket}`;
}

/** How the feed names each kind. */
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'stream.started': 'Stream started',
  'stream.ended': 'Stream ended',
  'health.changed': 'Health changed',
  'starvation.started': 'Starvation started',
  'starvation.ended': 'Starvation ended',
  'finding.appeared': 'Diagnosis finding',
  'viewers.dropped': 'Viewers dropped',
  'recording.failed': 'Recording failed',
  'limit.breached': 'Limit breached',
};
