import 'server-only';
import { recordAudit } from '@/lib/audit';
import { advanceJobs, type ItemOutcome } from '@/lib/jobs/runner';
import type { ClaimedItem } from '@/lib/jobs/store';
import { runCloneItem } from '@/lib/jobs/clone-kind';
import { runDeleteItem } from '@/lib/jobs/delete-kind';
import { runDetachDeleteItem } from '@/lib/jobs/detach-delete-kind';
import { IVS_DELETE_CALLS, IVS_DETACH_DELETE_CALLS, IVS_ROTATE_CALLS, IVS_TAG_CALLS, ivsCloneCalls } from '@/lib/jobs/ivs-calls';
import { runRotateItem } from '@/lib/jobs/rotate-kind';
import { runTagItem } from '@/lib/jobs/tag-kind';
import type { DetachDeleteParams, JobKind } from '@/lib/jobs/types';
import { env } from '@/lib/env';
import { store, type Db } from '@/lib/store';

const AUDIT_ACTION: Record<Exclude<JobKind, 'detach-delete' | 'clone'>, string> = {
  tags: 'tags.change',
  'rotate-keys': 'stream-key.rotate',
  'delete-channels': 'channel.delete',
};

// A clone's copies are audited as the creates they are, under the create actions' names.
const CLONE_AUDIT_NOUN: Record<string, string> = {
  channel: 'channel',
  'recording-configuration': 'recording-configuration',
  'playback-restriction-policy': 'restriction-policy',
  'ad-configuration': 'ad-configuration',
};

/** Each item's audit record, as the one-resource action would have written it, in the starter's name. */
function auditAction(item: ClaimedItem): string {
  if (item.kind === 'clone') return `${CLONE_AUDIT_NOUN[item.target.split(':')[5]?.split('/')[0] ?? ''] ?? 'resource'}.create`;
  if (item.kind !== 'detach-delete') return AUDIT_ACTION[item.kind];
  const p = item.params as DetachDeleteParams;
  return `${p.resource}.${item.target === p.resourceArn ? 'delete' : 'detach'}`;
}

const RUN: Record<JobKind, (db: Db, item: ClaimedItem) => Promise<ItemOutcome>> = {
  tags: (db, item) => runTagItem(db, item, IVS_TAG_CALLS),
  'rotate-keys': (db, item) => runRotateItem(db, item, IVS_ROTATE_CALLS),
  'delete-channels': (db, item) => runDeleteItem(db, item, IVS_DELETE_CALLS),
  'detach-delete': (db, item) => runDetachDeleteItem(db, item, IVS_DETACH_DELETE_CALLS),
  clone: (db, item) => runCloneItem(db, item, ivsCloneCalls(db)),
};
const IDLE_MS = 1000;
const LOOP_BUDGET_MS = 10_000;

/** Each kind's work on one item, audited when it ends (a retry for a throttle is not an end). */
async function runItem(item: ClaimedItem): Promise<ItemOutcome> {
  const db = await store();
  const outcome = await RUN[item.kind](db, item);
  if (outcome.state === 'done' || outcome.state === 'failed') {
    await recordAudit({
      user: item.startedBy,
      role: item.startedRole,
      region: outcome.audit?.region ?? item.region,
      action: auditAction(item),
      resourceArn: outcome.audit?.resourceArn ?? item.target,
      outcome: outcome.state === 'done' ? 'success' : 'failure',
      error: outcome.state === 'failed' ? outcome.message : undefined,
    });
  }
  return outcome;
}

/** Advances the jobs for up to budgetMs: the cron route, a job page's poll, a job's start. */
export async function runJobs(budgetMs: number): Promise<{ items: number }> {
  return advanceJobs(await store(), runItem, { budgetMs, leaseMs: env.JOBS_ITEM_LEASE_SECONDS * 1000 });
}

let inFlight: Promise<unknown> | null = null;

/**
 * Advances the jobs after a response (`after()`: a job's start, a job page's poll), unless this process
 * is already doing so: many open pages polling must not stack up workers. Where no process outlives a
 * request (Vercel), this and the cron route are what move jobs.
 */
export function runJobsInBackground(budgetMs: number): Promise<unknown> {
  inFlight ??= runJobs(budgetMs)
    .catch((error: Error) => console.error(`[jobs] advancing failed: ${error.message}`))
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

// Next bundles instrumentation.ts and the routes separately: one loop per process, not per bundle.
const KEY = Symbol.for('ivs-console.jobs-started');
const slot = globalThis as typeof globalThis & { [KEY]?: boolean };

/**
 * In a long-running server (`next start`, the container): advance jobs whenever there are any, looking
 * again every second when there are none. Only a saving: on a host where nothing runs between requests,
 * the cron route and open job pages advance them, and the claims make any mix of these safe.
 */
export function startJobsLoop(): void {
  if (slot[KEY]) return;
  slot[KEY] = true;
  const tick = async () => {
    const { items } = await runJobs(LOOP_BUDGET_MS).catch((error: Error) => {
      console.error(`[jobs] advancing failed: ${error.message}`);
      return { items: 0 };
    });
    setTimeout(() => void tick(), items ? 0 : IDLE_MS).unref();
  };
  setTimeout(() => void tick(), IDLE_MS).unref();
}
