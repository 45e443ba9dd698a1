import 'server-only';
import type { Db } from '@/lib/store';

// A create the console runs at most once per request id, across double submits, retries and (with
// PostgreSQL) instances: the id is claimed in the store before IVS is called, and the result is kept
// there, so a second run of the same id answers with the first run's result instead of creating again.

export interface CreateRequest {
  requestId: string;
  kind: string;
  region: string;
  user: string;
}

export class RequestInProgress extends Error {
  constructor() {
    super('This request is still being worked on. Wait a moment, then reload the list before trying again.');
    this.name = 'RequestInProgress';
  }
}

export class RequestMismatch extends Error {
  constructor() {
    super('This request id was already used for something else. Reload the form and try again.');
    this.name = 'RequestMismatch';
  }
}

interface Row {
  kind: string;
  region: string;
  user_email: string;
  state: 'pending' | 'done';
  result: unknown;
}

export interface RunOnceOptions {
  /** How long a second run waits for the first to finish before giving up. */
  waitMs?: number;
  pollMs?: number;
}

/** Runs `create` once for this request id; a repeat gets the stored result (or waits for it). */
export async function runOnce<T>(db: Db, request: CreateRequest, create: () => Promise<T>, { waitMs = 15_000, pollMs = 200 }: RunOnceOptions = {}): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await claim(db, request)) return runClaimed(db, request, create);
    const { rows } = await db.query<Row>('SELECT kind, region, user_email, state, result FROM create_requests WHERE request_id = $1', [request.requestId]);
    const row = rows[0];
    if (!row) continue; // the first run failed and let the id go: claim it again
    if (row.kind !== request.kind || row.region !== request.region || row.user_email !== request.user) throw new RequestMismatch();
    if (row.state === 'done') return (typeof row.result === 'string' ? JSON.parse(row.result) : row.result) as T;
    if (Date.now() >= deadline) throw new RequestInProgress();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function claim(db: Db, request: CreateRequest): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO create_requests (request_id, kind, region, user_email, state) VALUES ($1, $2, $3, $4, 'pending')
     ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [request.requestId, request.kind, request.region, request.user],
  );
  return rows.length > 0;
}

async function runClaimed<T>(db: Db, request: CreateRequest, create: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await create();
  } catch (error) {
    // Nothing was created (create() adopts what IVS did create), so the same id may try again.
    await db.query(`DELETE FROM create_requests WHERE request_id = $1 AND state = 'pending'`, [request.requestId]);
    throw error;
  }
  await db.query(`UPDATE create_requests SET state = 'done', result = $2, finished_at = now() WHERE request_id = $1`, [
    request.requestId,
    JSON.stringify(result),
  ]);
  return result;
}
