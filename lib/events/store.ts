import 'server-only';
import { randomUUID } from 'node:crypto';
import { store } from '@/lib/store';
import type { Db } from '@/lib/store/types';
import { decodeEventCursor, encodeEventCursor, type ConsoleEvent, type EventFilter, type NewConsoleEvent } from '@/lib/events/types';

export const DEFAULT_EVENTS_LIMIT = 50;
export const MAX_EVENTS_LIMIT = 200;
// Held shared by every insert and exclusively for a moment by eventsAfter (PostgreSQL only; the embedded
// store has one connection, so its statements never overlap).
const INSERT_LOCK = 7264020;
// The class of the per-channel lock (two-key advisory locks are a space apart from INSERT_LOCK's).
const CHANNEL_LOCK_CLASS = 7264021;

/**
 * Kinds whose two sightings may carry different times: the watcher dates a starvation when its poll
 * saw it, EventBridge when IVS did (and a recording failure's event time and EventBridge's envelope
 * time may fall either side of a minute), up to a poll interval (or a Vercel Cron minute) apart, so their
 * minute-bucketed dedupe keys can differ. One already recorded for the same stream within this
 * window is the same happening. The price: a stream that starves twice within 90 s shows once.
 */
export const SAME_HAPPENING_WITHIN_MS = 90_000;
const RECONCILED_KINDS = new Set<ConsoleEvent['kind']>(['starvation.started', 'starvation.ended', 'recording.failed']);

const COLUMNS =
  'id, dedupe_key, kind, severity, source, region, channel_arn, stream_id, occurred_at, recorded_at, title, detail, data, acknowledged_by, acknowledged_at';

interface Row {
  id: string;
  dedupe_key: string;
  kind: ConsoleEvent['kind'];
  severity: ConsoleEvent['severity'];
  source: ConsoleEvent['source'];
  region: string;
  channel_arn: string;
  stream_id: string | null;
  occurred_at: Date | string;
  recorded_at: Date | string;
  title: string;
  detail: string;
  data: Record<string, unknown> | string | null;
  acknowledged_by: string | null;
  acknowledged_at: Date | string | null;
}

function toEvent(r: Row): ConsoleEvent {
  const data = typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data;
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    source: r.source,
    region: r.region,
    channelArn: r.channel_arn,
    streamId: r.stream_id,
    occurredAt: new Date(r.occurred_at).getTime(),
    recordedAt: new Date(r.recorded_at).getTime(),
    title: r.title,
    detail: r.detail,
    dedupeKey: r.dedupe_key,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at === null ? null : new Date(r.acknowledged_at).getTime(),
    ...(data ? { data } : {}),
  };
}

const cap = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const iso = (ms: number) => new Date(ms).toISOString();

export function clampEventsLimit(limit: number | undefined): number {
  if (!limit || !Number.isFinite(limit)) return DEFAULT_EVENTS_LIMIT;
  return Math.min(Math.max(1, Math.floor(limit)), MAX_EVENTS_LIMIT);
}

/** The events API on one store; lib/events/index.ts binds it to the console's store. */
export function createEventStore(db: () => Promise<Db>) {
  return {
    /** Stores an event unless one with its dedupeKey is there; either way returns the stored one. */
    async recordEvent(e: NewConsoleEvent): Promise<{ event: ConsoleEvent; inserted: boolean }> {
      if (!Number.isFinite(e.occurredAt)) throw new Error('occurredAt must be epoch milliseconds');
      const data = e.data ? JSON.stringify(e.data) : null;
      if (data && data.length > 8_000) throw new Error('event data must stay under 8 kB of JSON');
      const params = [
        randomUUID(),
        cap(e.dedupeKey, 500),
        e.kind,
        e.severity,
        e.source,
        e.region,
        e.channelArn,
        e.streamId ?? null,
        iso(e.occurredAt),
        cap(e.title, 200),
        cap(e.detail, 2_000),
        data,
      ];
      const d = await db();
      return d.transaction(async (tx) => {
        if (d.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [INSERT_LOCK]);
        if (RECONCILED_KINDS.has(e.kind)) {
          // Serialises the look and the insert per channel across instances (the embedded store has one connection).
          if (d.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHANNEL_LOCK_CLASS, e.channelArn]);
          const { rows: seen } = await tx.query<Row>(
            `SELECT ${COLUMNS} FROM console_events
             WHERE channel_arn = $1 AND kind = $2 AND stream_id IS NOT DISTINCT FROM $3
               AND occurred_at BETWEEN $4::timestamptz AND $5::timestamptz
             ORDER BY occurred_at LIMIT 1`,
            [
              e.channelArn,
              e.kind,
              e.streamId ?? null,
              iso(e.occurredAt - SAME_HAPPENING_WITHIN_MS),
              iso(e.occurredAt + SAME_HAPPENING_WITHIN_MS),
            ],
          );
          if (seen.length) return { event: toEvent(seen[0]), inserted: false };
        }
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO console_events (id, dedupe_key, kind, severity, source, region, channel_arn, stream_id, occurred_at, title, detail, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
          params,
        );
        const { rows } = await tx.query<Row>(`SELECT ${COLUMNS} FROM console_events WHERE dedupe_key = $1`, [params[1]]);
        return { event: toEvent(rows[0]), inserted: inserted.rows.length === 1 };
      });
    },

    /**
     * Marks an event acknowledged by `by`, once: a second acknowledgement (another operator, a double
     * click) keeps the first one's name and time. Null when there is no such event.
     */
    async acknowledgeEvent(id: string, by: string, now = new Date()): Promise<ConsoleEvent | null> {
      const d = await db();
      await d.query('UPDATE console_events SET acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1 AND acknowledged_at IS NULL', [
        id,
        cap(by, 320),
        now.toISOString(),
      ]);
      const { rows } = await d.query<Row>(`SELECT ${COLUMNS} FROM console_events WHERE id = $1`, [id]);
      return rows[0] ? toEvent(rows[0]) : null;
    },

    /** Events matching the filter, newest (occurredAt) first; `next` is the cursor of the following page. */
    async listEvents(q: EventFilter): Promise<{ events: ConsoleEvent[]; next: string | null }> {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, ...values: unknown[]) => {
        let i = params.length;
        params.push(...values);
        where.push(sql.replace(/\?/g, () => `$${++i}`));
      };
      if (q.channelArn) add('channel_arn = ?', q.channelArn);
      if (q.kind) add('kind = ?', q.kind);
      if (q.severity) add('severity = ?', q.severity);
      if (q.region) add('region = ?', q.region);
      if (q.before) {
        const cursor = decodeEventCursor(q.before);
        if (!cursor) throw new Error('Not a valid events cursor');
        add('(occurred_at, id) < (?::timestamptz, ?)', iso(cursor.occurredAt), cursor.id);
      }
      const limit = clampEventsLimit(q.limit);
      const { rows } = await (
        await db()
      ).query<Row>(
        `SELECT ${COLUMNS} FROM console_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY occurred_at DESC, id DESC LIMIT $${params.length + 1}`,
        [...params, limit + 1],
      );
      const events = rows.slice(0, limit).map(toEvent);
      return { events, next: rows.length > limit ? encodeEventCursor(events[events.length - 1]) : null };
    },

    /**
     * Events recorded after the cursor, oldest first, for a dispatcher that keeps its cursor. On PostgreSQL
     * it first waits for inserts in flight (the exclusive side of INSERT_LOCK): an insert that took its
     * time before ours but committed after our read would otherwise sort before the cursor, never to be seen.
     */
    async eventsAfter(cursor: { recordedAt: number; id: string } | null, limit: number): Promise<ConsoleEvent[]> {
      const d = await db();
      const n = clampEventsLimit(limit);
      return d.transaction(async (tx) => {
        if (d.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [INSERT_LOCK]);
        const { rows } = cursor
          ? await tx.query<Row>(
              `SELECT ${COLUMNS} FROM console_events WHERE (recorded_at, id) > ($1::timestamptz, $2) ORDER BY recorded_at, id LIMIT $3`,
              [iso(cursor.recordedAt), cursor.id, n],
            )
          : await tx.query<Row>(`SELECT ${COLUMNS} FROM console_events ORDER BY recorded_at, id LIMIT $1`, [n]);
        return rows.map(toEvent);
      });
    },

    /** Deletes events recorded before `cutoff`, at most `batch` of them; returns how many went. */
    async deleteEventsOlderThan(cutoff: Date, batch: number): Promise<number> {
      const { rows } = await (
        await db()
      ).query<{ id: string }>(
        `DELETE FROM console_events WHERE id IN (SELECT id FROM console_events WHERE recorded_at < $1 ORDER BY recorded_at LIMIT $2) RETURNING id`,
        [cutoff.toISOString(), batch],
      );
      return rows.length;
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;

const BATCH = 1000;

/** Deletes events older than `days`, a batch at a time with a pause between (as the audit log's retention does). */
export async function purgeEvents(events: EventStore, days: number, now = new Date(), pauseMs = 50): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let total = 0;
  for (;;) {
    const n = await events.deleteEventsOlderThan(cutoff, BATCH);
    total += n;
    if (n < BATCH) return total;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

export const eventStore = createEventStore(store);
export const recordEvent = eventStore.recordEvent;
export const listEvents = eventStore.listEvents;
export const eventsAfter = eventStore.eventsAfter;
export const acknowledgeEvent = eventStore.acknowledgeEvent;
