import 'server-only';
import { listTags, tagResource, untagResource } from '@/lib/ivs/tags';
import { advanceJobs, type ItemOutcome } from '@/lib/jobs/runner';
import type { ClaimedItem } from '@/lib/jobs/store';
import { runTagItem, type TagCalls } from '@/lib/jobs/tag-kind';
import { env } from '@/lib/env';
import { store } from '@/lib/store';

const IVS_TAG_CALLS: TagCalls = { listTags, tagResource, untagResource };
const IDLE_MS = 1000;
const LOOP_BUDGET_MS = 10_000;

/** Each kind's work on one item. */
async function runItem(item: ClaimedItem): Promise<ItemOutcome> {
  const db = await store();
  switch (item.kind) {
    case 'tags':
      return runTagItem(db, item, IVS_TAG_CALLS);
  }
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
