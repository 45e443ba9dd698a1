import { claimItems, finishItem, type ClaimedItem } from '@/lib/jobs/store';
import type { Db } from '@/lib/store/types';

/**
 * What working on one item came to. `pending` hands it back for later (IVS kept throttling);
 * `cancelled`: not done because an earlier item of an ordered job failed.
 */
export interface ItemOutcome {
  state: 'done' | 'failed' | 'pending' | 'cancelled';
  message: string;
  calls: number;
  throttled: number;
  /** Where the audit record points when not at the item's resource in the job's region (a clone's copy). */
  audit?: { region: string; resourceArn: string };
}

export interface AdvanceOptions {
  /** Stop claiming new items after this long: a request (cron, a poll) must end; the items left wait. */
  budgetMs: number;
  /** Items worked on at once by this caller; the pacers, not this, set the rate. */
  concurrency?: number;
  /** How long a claim holds. An item whose instance dies is claimed again this long after. */
  leaseMs?: number;
}

export const ITEM_LEASE_MS = 60_000;

/**
 * Advances every running job for up to budgetMs: claims items one at a time per worker, runs each, and
 * records its outcome. Any number of callers, in any number of instances, may run this at once (claims
 * skip each other's rows); none needs a timer to survive it, so it works where each request may land on
 * a fresh or frozen instance.
 */
export async function advanceJobs(
  db: Db,
  run: (item: ClaimedItem) => Promise<ItemOutcome>,
  { budgetMs, concurrency = 4, leaseMs = ITEM_LEASE_MS }: AdvanceOptions,
): Promise<{ items: number }> {
  const deadline = Date.now() + budgetMs;
  let items = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const [item] = await claimItems(db, 1, leaseMs);
      if (!item) return;
      const outcome = await run(item).catch((error: Error): ItemOutcome => ({
        state: 'failed',
        message: error.message || 'The item failed.',
        calls: 0,
        throttled: 0,
      }));
      await finishItem(db, item, outcome);
      items += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { items };
}
