import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/store';

// A create the console runs at most once per request id, across double submits, retries and (with
// PostgreSQL) instances: the id is claimed in the store before IVS is called and the result is kept
// there, so a second run of the same id answers with the first run's result instead of creating again.

export interface CreateRequest {
  requestId: string;
  kind: string;
  region: string;
  user: string;
  /** What is being created: the same id with other values is a different request, refused. */
  input: unknown;
}

export interface CreateWork<T> {
  create: () => Promise<T>;
  /** What an earlier run whose outcome was unknown made, if it made anything (looked up in IVS). */
  recover: () => Promise<T | undefined>;
  /** True for a failure after which the resource may exist all the same (a 5xx, a lost answer). */
  outcomeUnknown: (error: unknown) => boolean;
}

export class RequestInProgress extends Error {
  constructor() {
    super('This request is still being worked on. Wait a moment, then reload the list before trying again.');
    this.name = 'RequestInProgress';
  }
}

export class RequestMismatch extends Error {
  constructor() {
    super('This form was already sent with other values. Reload the page and try again.');
    this.name = 'RequestMismatch';
  }
}

interface Row {
  kind: string;
  region: string;
  user_email: string;
  input_hash: string;
  state: 'pending' | 'done' | 'unknown';
  result: unknown;
}

export interface RunOnceOptions {
  /** How long a second run waits for the first to finish before giving up. */
  waitMs?: number;
  pollMs?: number;
}

const hashOf = (input: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(input ?? null))
    .digest('base64url');

/** Runs the create once for this request id; a repeat gets the stored result (or waits for it). */
export async function runOnce<T>(
  db: Db,
  request: CreateRequest,
  work: CreateWork<T>,
  { waitMs = 15_000, pollMs = 200 }: RunOnceOptions = {},
): Promise<T> {
  const inputHash = hashOf(request.input);
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await claimNew(db, request, inputHash)) return runClaimed(db, request.requestId, work, work.create);
    const { rows } = await db.query<Row>(
      'SELECT kind, region, user_email, input_hash, state, result FROM create_requests WHERE request_id = $1',
      [request.requestId],
    );
    const row = rows[0];
    if (!row) continue; // the first run failed and let the id go: claim it again
    if (row.kind !== request.kind || row.region !== request.region || row.user_email !== request.user || row.input_hash !== inputHash) {
      throw new RequestMismatch();
    }
    if (row.state === 'done') return (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as T;
    // An earlier run may have made it (its outcome was unknown, or it died mid-way): look for that
    // before creating anything.
    if (await claimUnfinished(db, request.requestId)) {
      return runClaimed(db, request.requestId, work, async () => (await work.recover()) ?? work.create());
    }
    if (Date.now() >= deadline) throw new RequestInProgress();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function claimNew(db: Db, request: CreateRequest, inputHash: string): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO create_requests (request_id, kind, region, user_email, input_hash, state) VALUES ($1, $2, $3, $4, $5, 'pending')
     ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [request.requestId, request.kind, request.region, request.user, inputHash],
  );
  return rows.length > 0;
}

// A run is given this long; one still pending after it died with its process.
const ABANDONED_AFTER_SECONDS = 120;

async function claimUnfinished(db: Db, requestId: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE create_requests SET state = 'pending', started_at = now()
     WHERE request_id = $1 AND (state = 'unknown' OR (state = 'pending' AND started_at < now() - make_interval(secs => $2)))
     RETURNING request_id`,
    [requestId, ABANDONED_AFTER_SECONDS],
  );
  return rows.length > 0;
}

async function runClaimed<T>(db: Db, requestId: string, work: CreateWork<T>, run: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    // Refused by IVS: nothing was made, and the same id may try again. Otherwise the next run of
    // this id first looks for what this one may have made.
    if (work.outcomeUnknown(error)) await db.query(`UPDATE create_requests SET state = 'unknown' WHERE request_id = $1`, [requestId]);
    else await db.query(`DELETE FROM create_requests WHERE request_id = $1 AND state = 'pending'`, [requestId]);
    throw error;
  }
  await db.query(`UPDATE create_requests SET state = 'done', result = $2, finished_at = now() WHERE request_id = $1`, [
    requestId,
    JSON.stringify(result),
  ]);
  return result;
}

/** Forgets requests older than `days`: a form is not resubmitted a week later. */
export async function purgeCreateRequests(db: Db, days: number): Promise<number> {
  const { rows } = await db.query(`DELETE FROM create_requests WHERE started_at < now() - make_interval(days => $1) RETURNING request_id`, [
    days,
  ]);
  return rows.length;
}
