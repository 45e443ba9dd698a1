import { describeIvsError } from '@/lib/ivs/errors';
import { backoffMs } from '@/lib/jobs/backoff';
import { paced, pacerName } from '@/lib/ivs/pacer';
import type { ClaimedItem } from '@/lib/jobs/store';
import type { TagJobParams } from '@/lib/jobs/types';
import type { ItemOutcome } from '@/lib/jobs/runner';
import type { Queryable } from '@/lib/store/types';

/** IVS documents 10 TPS for each of the tag operations, per account and region. */
export const TAG_TPS = 10;

/** The three IVS tag operations, one call each (lib/ivs/tags.ts in the console; a test may count them). */
export interface TagCalls {
  listTags(region: string, arn: string): Promise<Record<string, string>>;
  tagResource(region: string, arn: string, tags: Record<string, string>): Promise<void>;
  untagResource(region: string, arn: string, keys: string[]): Promise<void>;
}

export interface PaceOptions {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Throttles of one call met before the item is handed back for later (never a failure). */
  maxThrottleRetries?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

class StillThrottled extends Error {}
const isThrottle = (error: unknown) => (error as { name?: string })?.name === 'ThrottlingException';

/**
 * One resource of a bulk tag job: TagResource for the tags to set, UntagResource for the keys to remove,
 * each paced by the account's shared pacer. If an earlier claim of the item ended without an outcome (its
 * instance died mid-item), IVS is read first and only what is not already so is done.
 */
export async function runTagItem(db: Queryable, item: ClaimedItem, calls: TagCalls, options: PaceOptions = {}): Promise<ItemOutcome> {
  const { sleep = (ms) => new Promise<void>((r) => setTimeout(r, ms)), random = Math.random } = options;
  const { maxThrottleRetries = 6, baseBackoffMs = 250, maxBackoffMs = 8000 } = options;
  let made = 0;
  let throttled = 0;
  const call = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      try {
        made += 1;
        return await paced(db, pacerName(item.target, operation), TAG_TPS, fn, sleep);
      } catch (error) {
        if (!isThrottle(error)) throw error;
        throttled += 1;
        if (attempt >= maxThrottleRetries) throw new StillThrottled();
        await sleep(backoffMs(attempt, baseBackoffMs, maxBackoffMs, random));
      }
    }
  };
  const { region, target } = item;
  const params = item.params as TagJobParams;
  try {
    let set = params.set;
    let remove = params.remove;
    if (item.attempts > 1) {
      const now = await call('ListTagsForResource', () => calls.listTags(region, target));
      set = Object.fromEntries(Object.entries(set).filter(([k, v]) => now[k] !== v));
      remove = remove.filter((k) => Object.hasOwn(now, k));
    }
    if (Object.keys(set).length) await call('TagResource', () => calls.tagResource(region, target, set));
    if (remove.length) await call('UntagResource', () => calls.untagResource(region, target, remove));
    return { state: 'done', message: 'Done', calls: made, throttled };
  } catch (error) {
    if (error instanceof StillThrottled)
      return { state: 'pending', message: 'IVS is throttling: waiting to try again.', calls: made, throttled };
    return { state: 'failed', message: describeIvsError(error).message, calls: made, throttled };
  }
}
