import { describeIvsError, isIvsError } from '@/lib/ivs/errors';
import { paced, pacerName } from '@/lib/ivs/pacer';
import type { ItemOutcome } from '@/lib/jobs/runner';
import type { ClaimedItem } from '@/lib/jobs/store';
import type { Queryable } from '@/lib/store/types';

/** IVS documents 5 TPS for DeleteChannel, per account and region. */
const DELETE_TPS = 5;
export const LIVE_CHANNEL_MESSAGE = 'The channel is live, and IVS does not delete a live channel. Stop the stream first.';

export interface DeleteCalls {
  exists(region: string, channelArn: string): Promise<boolean>;
  deleteChannel(region: string, channelArn: string): Promise<void>;
  /** Whether the channel is live now (a ConflictException's usual reason). */
  isLive(region: string, channelArn: string): Promise<boolean>;
}

/**
 * One channel of a bulk delete (its stream key goes with it). Deleting twice is harmless (the second
 * finds it gone), but an attempt that takes the item over still looks first, so the count of
 * DeleteChannel calls stays one per channel.
 */
export async function runDeleteItem(db: Queryable, item: ClaimedItem, calls: DeleteCalls): Promise<ItemOutcome> {
  const { region, target } = item;
  try {
    if (item.attempts > 1 && !(await calls.exists(region, target))) return { state: 'done', message: 'Deleted.', calls: 1, throttled: 0 };
    await paced(db, pacerName(target, 'DeleteChannel'), DELETE_TPS, () => calls.deleteChannel(region, target));
    return { state: 'done', message: 'Deleted.', calls: 1, throttled: 0 };
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return { state: 'done', message: 'Already deleted.', calls: 1, throttled: 0 };
    if (isIvsError(error, 'ThrottlingException'))
      return { state: 'pending', message: 'IVS is throttling: waiting to try again.', calls: 1, throttled: 1 };
    if (isIvsError(error, 'ConflictException') && (await calls.isLive(region, target).catch(() => false)))
      return { state: 'failed', message: LIVE_CHANNEL_MESSAGE, calls: 1, throttled: 0 };
    return { state: 'failed', message: describeIvsError(error).message, calls: 1, throttled: 0 };
  }
}
