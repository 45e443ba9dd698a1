import type { Db, Queryable } from '@/lib/store/types';
import type { ItemState, Job, JobItem, JobKind, JobParams, JobSummary } from '@/lib/jobs/types';

// The jobs' SQL, the same on the embedded store and PostgreSQL (migration 12).

export interface NewJob {
  /** The browser's request id: starting the same job twice (a double submit, a retried request) makes one. */
  id: string;
  kind: JobKind;
  region: string;
  params: JobParams;
  startedBy: string;
  /** The starter's role then: each item's audit record names it, as the action's would have. */
  startedRole: string;
  targets: { target: string; label: string }[];
}

const INSERT_BATCH = 500;

/** Stores a job and its items in one transaction; false if a job with this id exists already. */
export async function createJob(db: Db, job: NewJob): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `INSERT INTO jobs (id, kind, region, params, started_by, started_role, status) VALUES ($1, $2, $3, $4::jsonb, $5, $6, 'running')
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [job.id, job.kind, job.region, JSON.stringify(job.params), job.startedBy, job.startedRole],
    );
    if (!rows.length) return false;
    for (let from = 0; from < job.targets.length; from += INSERT_BATCH) {
      const batch = job.targets.slice(from, from + INSERT_BATCH);
      const values = batch.map((_, i) => `($1, $${i * 3 + 2}, $${i * 3 + 3}, $${i * 3 + 4}, 'pending')`).join(', ');
      await tx.query(`INSERT INTO job_items (job_id, seq, target, label, state) VALUES ${values}`, [
        job.id,
        ...batch.flatMap((t, i) => [from + i, t.target, t.label]),
      ]);
    }
    return true;
  });
}

type SummaryRow = {
  id: string;
  kind: JobKind;
  region: string;
  params: JobParams | string;
  started_by: string;
  status: Job['status'];
  created_at: Date | string;
  finished_at: Date | string | null;
  calls: number;
  throttled: number;
  total: number;
  done: number;
  failed: number;
  cancelled: number;
};

const SUMMARY = `SELECT j.id, j.kind, j.region, j.params, j.started_by, j.status, j.created_at, j.finished_at, j.calls, j.throttled,
  count(i.seq)::int AS total,
  (count(*) FILTER (WHERE i.state = 'done'))::int AS done,
  (count(*) FILTER (WHERE i.state = 'failed'))::int AS failed,
  (count(*) FILTER (WHERE i.state = 'cancelled'))::int AS cancelled
FROM jobs j LEFT JOIN job_items i ON i.job_id = j.id`;

const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime());

function toSummary(r: SummaryRow): JobSummary {
  return {
    id: r.id,
    kind: r.kind,
    region: r.region,
    params: typeof r.params === 'string' ? (JSON.parse(r.params) as JobParams) : r.params,
    startedBy: r.started_by,
    status: r.status,
    createdAt: ms(r.created_at)!,
    finishedAt: ms(r.finished_at),
    total: r.total,
    done: r.done,
    failed: r.failed,
    cancelled: r.cancelled,
    calls: r.calls,
    throttled: r.throttled,
  };
}

/** The newest jobs first, everyone's. */
export async function listJobs(db: Queryable, limit = 50): Promise<JobSummary[]> {
  const { rows } = await db.query<SummaryRow>(`${SUMMARY} GROUP BY j.id ORDER BY j.created_at DESC, j.id LIMIT $1`, [limit]);
  return rows.map(toSummary);
}

export async function getJob(db: Queryable, id: string): Promise<Job | undefined> {
  const { rows } = await db.query<SummaryRow>(`${SUMMARY} WHERE j.id = $1 GROUP BY j.id`, [id]);
  if (!rows.length) return undefined;
  const items = await db.query<JobItem>(
    'SELECT seq, target, label, state, attempts, message FROM job_items WHERE job_id = $1 ORDER BY seq',
    [id],
  );
  return { ...toSummary(rows[0]), items: items.rows };
}

/** An item claimed for work, with what its job asks. */
export interface ClaimedItem {
  jobId: string;
  seq: number;
  target: string;
  kind: JobKind;
  region: string;
  params: JobParams;
  /** More than 1: an earlier claim ended without an outcome (its instance died), so IVS is read first. */
  attempts: number;
  startedBy: string;
  startedRole: string;
  /** What an earlier attempt noted before acting (saveItemDetail), e.g. the key a rotation replaces. */
  detail: Record<string, unknown> | null;
}

/**
 * Claims up to `limit` items of running jobs, each until `leaseMs` from now: pending ones, and running
 * ones whose claim lapsed (their instance died or froze). SKIP LOCKED lets several instances claim at
 * once without waiting on or taking each other's rows. Items are taken by position across jobs, so two
 * jobs started together advance side by side.
 */
export async function claimItems(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedItem[]> {
  const { rows } = await db.query<{
    job_id: string;
    seq: number;
    target: string;
    attempts: number;
    kind: JobKind;
    region: string;
    params: JobParams | string;
    started_by: string;
    started_role: string;
    detail: Record<string, unknown> | string | null;
  }>(
    `WITH picked AS (
       SELECT i.job_id, i.seq FROM job_items i JOIN jobs j ON j.id = i.job_id
       WHERE j.status = 'running' AND (i.state = 'pending' OR (i.state = 'running' AND i.claimed_until < clock_timestamp()))
         -- A detach-and-delete runs in order: an item waits until every earlier one has ended. A clone's
         -- channels wait for the references before them (they use the copies), not for each other.
         AND (j.kind NOT IN ('detach-delete', 'clone') OR NOT EXISTS (
           SELECT 1 FROM job_items e WHERE e.job_id = i.job_id AND e.seq < i.seq AND e.state IN ('pending', 'running')
             AND (j.kind = 'detach-delete' OR (i.target LIKE '%:channel/%' AND e.target NOT LIKE '%:channel/%'))))
       ORDER BY i.seq, j.created_at LIMIT $1 FOR UPDATE OF i SKIP LOCKED)
     UPDATE job_items i SET state = 'running', attempts = i.attempts + 1, claimed_until = clock_timestamp() + $2 * interval '1 millisecond'
     FROM picked, jobs j
     WHERE i.job_id = picked.job_id AND i.seq = picked.seq AND j.id = i.job_id
     RETURNING i.job_id, i.seq, i.target, i.attempts, i.detail, j.kind, j.region, j.params, j.started_by, j.started_role`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({
    jobId: r.job_id,
    seq: r.seq,
    target: r.target,
    attempts: r.attempts,
    kind: r.kind,
    region: r.region,
    params: typeof r.params === 'string' ? (JSON.parse(r.params) as JobParams) : r.params,
    startedBy: r.started_by,
    startedRole: r.started_role,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
}

/**
 * Notes what an item is about to act on, before it acts, while its claim holds: an attempt that takes
 * the item over reads it (a rotation learns which key was the old one, so it never deletes a new one).
 */
export async function saveItemDetail(
  db: Queryable,
  item: Pick<ClaimedItem, 'jobId' | 'seq' | 'attempts'>,
  detail: Record<string, unknown>,
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE job_items SET detail = $4::jsonb WHERE job_id = $1 AND seq = $2 AND state = 'running' AND attempts = $3 RETURNING seq`,
    [item.jobId, item.seq, item.attempts, JSON.stringify(detail)],
  );
  return rows.length === 1;
}

/**
 * Records an item's outcome and the calls it took, if this claim still holds the item; the job
 * finishes when no item is left open.
 */
export async function finishItem(
  db: Db,
  item: Pick<ClaimedItem, 'jobId' | 'seq' | 'attempts'>,
  outcome: { state: Extract<ItemState, 'done' | 'failed' | 'pending' | 'cancelled'>; message: string; calls: number; throttled: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      // Only while the claim is still this one: an instance frozen past its claim (SIGSTOP, a suspended
      // serverless function) must not overwrite the outcome of the instance that took the item over.
      `UPDATE job_items SET state = $3, message = $4, claimed_until = NULL WHERE job_id = $1 AND seq = $2 AND state = 'running' AND attempts = $5`,
      [item.jobId, item.seq, outcome.state, outcome.message, item.attempts],
    );
    await tx.query('UPDATE jobs SET calls = calls + $2, throttled = throttled + $3 WHERE id = $1', [
      item.jobId,
      outcome.calls,
      outcome.throttled,
    ]);
    await tx.query(
      `UPDATE jobs SET status = 'finished', finished_at = now() WHERE id = $1 AND status = 'running'
       AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = $1 AND state IN ('pending', 'running'))`,
      [item.jobId],
    );
  });
}

/** Stops a running job: items not started are marked so; one in flight finishes its calls. */
export async function cancelJob(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `UPDATE jobs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status = 'running' RETURNING id`,
      [id],
    );
    await tx.query(
      `UPDATE job_items SET state = 'cancelled', message = 'Not started: the job was cancelled.' WHERE job_id = $1 AND state = 'pending'`,
      [id],
    );
    return rows.length === 1;
  });
}

/** Runs the failed and never-started items of a job again; the number of items queued. */
export async function retryFailedItems(db: Db, id: string): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `UPDATE job_items SET state = 'pending', message = '', attempts = 0 WHERE job_id = $1 AND state IN ('failed', 'cancelled') RETURNING seq`,
      [id],
    );
    if (rows.length) await tx.query(`UPDATE jobs SET status = 'running', finished_at = NULL WHERE id = $1`, [id]);
    return rows.length;
  });
}

/** The first item before this one that failed, if any (an ordered job stops there). */
/** Another item of the same job, by its target: how it ended and what it noted (a clone's copy). */
export async function itemOfTarget(
  db: Queryable,
  jobId: string,
  target: string,
): Promise<{ label: string; state: ItemState; detail: Record<string, unknown> | null } | undefined> {
  const { rows } = await db.query<{ label: string; state: ItemState; detail: Record<string, unknown> | string | null }>(
    'SELECT label, state, detail FROM job_items WHERE job_id = $1 AND target = $2',
    [jobId, target],
  );
  const row = rows[0];
  return row && { ...row, detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail };
}

export async function earlierFailure(db: Queryable, item: Pick<ClaimedItem, 'jobId' | 'seq'>): Promise<string | null> {
  const { rows } = await db.query<{ label: string }>(
    `SELECT label FROM job_items WHERE job_id = $1 AND seq < $2 AND state IN ('failed', 'cancelled') ORDER BY seq LIMIT 1`,
    [item.jobId, item.seq],
  );
  return rows[0]?.label ?? null;
}
