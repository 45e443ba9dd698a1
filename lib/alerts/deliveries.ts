import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '@/lib/store';

// The deliveries table (migration 9): one row per (rule, event), sent by whichever instance claims it.

export const MAX_ATTEMPTS = 5;
/** A claimed row not finished within this is claimed again (its instance died mid-send). */
const LEASE_MS = 60_000;

/** Wait before attempt n+1 after n failed: 30 s, 1, 2, 4 min. */
export function backoffMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}

export interface QueuedDelivery {
  ruleId: string;
  ruleName: string;
  eventId: string;
  eventKind: string;
  eventTitle: string;
  body: string;
}

/** Queues one delivery; false when this rule already has one for this event (a second dispatch). */
export async function enqueueDelivery(db: Queryable, d: QueuedDelivery, now = new Date()): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO alert_deliveries (id, rule_id, rule_name, event_id, event_kind, event_title, body, status, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8) ON CONFLICT (rule_id, event_id) DO NOTHING RETURNING id`,
    [randomUUID(), d.ruleId, d.ruleName, d.eventId, d.eventKind, d.eventTitle, d.body, now],
  );
  return rows.length > 0;
}

export interface ClaimedDelivery {
  id: string;
  ruleId: string;
  body: string;
  attempts: number;
}

/**
 * Claims up to `limit` deliveries that are due, for this caller alone: FOR UPDATE SKIP LOCKED lets a
 * second instance's claim pass over rows the first is taking, and the lease marks them taken after
 * the transaction, so neither sends a row the other has. A lease that ran out is claimable again.
 */
export async function claimDeliveries(db: Db, limit: number, now = new Date()): Promise<ClaimedDelivery[]> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; rule_id: string; body: string; attempts: number }>(
      `UPDATE alert_deliveries SET status = 'sending', attempts = attempts + 1, locked_until = $2
       WHERE id IN (
         SELECT id FROM alert_deliveries
         WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until < $1)
         ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, rule_id, body, attempts`,
      [now, new Date(now.getTime() + LEASE_MS), limit],
    );
    return rows.map((r) => ({ id: r.id, ruleId: r.rule_id, body: r.body, attempts: Number(r.attempts) }));
  });
}

export async function markSent(db: Queryable, id: string, httpStatus: number, now = new Date()): Promise<void> {
  await db.query(
    `UPDATE alert_deliveries SET status = 'sent', http_status = $2, last_error = NULL, locked_until = NULL, finished_at = $3 WHERE id = $1`,
    [id, httpStatus, now],
  );
}

/** A failed attempt: tried again after backoffMs, or failed for good when not retryable or out of attempts. */
export async function markFailed(
  db: Queryable,
  d: { id: string; attempts: number },
  result: { httpStatus: number | null; error: string; retry: boolean },
  now = new Date(),
): Promise<'retry' | 'failed'> {
  const final = !result.retry || d.attempts >= MAX_ATTEMPTS;
  await db.query(
    `UPDATE alert_deliveries SET status = $2, http_status = $3, last_error = $4, locked_until = NULL, next_attempt_at = $5, finished_at = $6 WHERE id = $1`,
    [
      d.id,
      final ? 'failed' : 'pending',
      result.httpStatus,
      result.error,
      new Date(now.getTime() + backoffMs(d.attempts)),
      final ? now : null,
    ],
  );
  return final ? 'failed' : 'retry';
}

/** A delivery sent at once (the "Send test notification" button), kept in the history like the rest. */
export async function recordFinishedDelivery(
  db: Queryable,
  d: QueuedDelivery & { id: string; ok: boolean; httpStatus: number | null; error: string | null },
  now = new Date(),
): Promise<void> {
  await db.query(
    `INSERT INTO alert_deliveries (id, rule_id, rule_name, event_id, event_kind, event_title, body, status, attempts, http_status, last_error, next_attempt_at, created_at, finished_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $11, $11)`,
    [d.id, d.ruleId, d.ruleName, d.eventId, d.eventKind, d.eventTitle, d.body, d.ok ? 'sent' : 'failed', d.httpStatus, d.error, now],
  );
}

export interface DeliveryRow {
  id: string;
  ruleName: string;
  eventKind: string;
  eventTitle: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  httpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
}

/** The latest deliveries, newest first: what /alerts shows (no URL, no body). */
export async function recentDeliveries(db: Queryable, limit = 50): Promise<DeliveryRow[]> {
  const { rows } = await db.query<{
    id: string;
    rule_name: string;
    event_kind: string;
    event_title: string;
    status: DeliveryRow['status'];
    attempts: number;
    http_status: number | null;
    last_error: string | null;
    created_at: Date | string;
    next_attempt_at: Date | string;
  }>(
    `SELECT id, rule_name, event_kind, event_title, status, attempts, http_status, last_error, created_at, next_attempt_at
     FROM alert_deliveries ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    ruleName: r.rule_name,
    eventKind: r.event_kind,
    eventTitle: r.event_title,
    status: r.status,
    attempts: Number(r.attempts),
    httpStatus: r.http_status === null ? null : Number(r.http_status),
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
  }));
}
