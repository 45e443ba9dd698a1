import { describeIvsError } from '@/lib/ivs/errors';
import type { StreamKeyChange } from '@/lib/ivs/stream-key-format';
import type { ItemOutcome } from '@/lib/jobs/runner';
import { saveItemDetail, type ClaimedItem } from '@/lib/jobs/store';
import type { RotateJobParams } from '@/lib/jobs/types';
import type { Queryable } from '@/lib/store/types';

/** The stream key reads and the rotation (lib/ivs/stream-keys.ts in the console: locked per channel, paced). */
export interface RotateCalls {
  currentKeyArn(region: string, channelArn: string): Promise<string | null>;
  rotate(region: string, opts: { channelArn: string; expectedKeyArn?: string; stopStream: boolean }): Promise<StreamKeyChange>;
}

const isThrottle = (error: unknown) => (error as { name?: string })?.name === 'ThrottlingException';

/**
 * One channel of a bulk rotation. Before acting it notes the key it replaces; an attempt that takes
 * the item over (its instance died mid-rotation) rotates only if that key is still the channel's, so a
 * rotation never deletes the key an earlier attempt just created.
 */
export async function runRotateItem(db: Queryable, item: ClaimedItem, calls: RotateCalls): Promise<ItemOutcome> {
  const { region, target: channelArn } = item;
  const { stopStream } = item.params as RotateJobParams;
  try {
    const noted = item.detail && 'expectedKeyArn' in item.detail ? (item.detail.expectedKeyArn as string | null) : undefined;
    const expected = noted !== undefined ? noted : await calls.currentKeyArn(region, channelArn);
    if (noted === undefined && !(await saveItemDetail(db, item, { expectedKeyArn: expected }))) {
      return { state: 'pending', message: 'Taken over by another instance.', calls: 1, throttled: 0 };
    }
    if (expected === null && noted !== undefined && (await calls.currentKeyArn(region, channelArn))) {
      // The channel had no key; the earlier attempt created one.
      return { state: 'done', message: 'The channel had no stream key; a new one was created.', calls: 1, throttled: 0 };
    }
    const change = await calls.rotate(region, { channelArn, expectedKeyArn: expected ?? undefined, stopStream });
    const message = change.outcome === 'already-rotated' && noted !== undefined ? 'The stream key was rotated.' : change.message;
    return { state: 'done', message, calls: 3, throttled: 0 };
  } catch (error) {
    if (isThrottle(error)) return { state: 'pending', message: 'IVS is throttling: waiting to try again.', calls: 1, throttled: 1 };
    return {
      state: 'failed',
      message: error instanceof Error && !('$metadata' in error) ? error.message : describeIvsError(error).message,
      calls: 1,
      throttled: 0,
    };
  }
}
