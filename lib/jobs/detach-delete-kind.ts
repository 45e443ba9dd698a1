import { describeIvsError, isIvsError } from '@/lib/ivs/errors';
import type { ItemOutcome } from '@/lib/jobs/runner';
import { earlierFailure, type ClaimedItem } from '@/lib/jobs/store';
import type { DetachDeleteParams } from '@/lib/jobs/types';
import type { Queryable } from '@/lib/store/types';

export interface DetachDeleteCalls {
  /** Clears the reference on the channel if it still points at the resource; 'live' when IVS refuses. */
  detach(
    region: string,
    channelArn: string,
    params: DetachDeleteParams,
  ): Promise<{ name: string; outcome: 'detached' | 'already-detached' | 'live' }>;
  deleteResource(region: string, params: DetachDeleteParams): Promise<void>;
  /** The refusal when channels still use it (attached since the job started): names them. */
  stillInUse(region: string, params: DetachDeleteParams): Promise<string | null>;
  liveMessage(name: string): string;
}

/**
 * One step of a detach-and-delete: a channel to detach, or (the last item) the resource itself. Steps
 * run in order (claimItems); once one fails the rest are not started and nothing is deleted. Each
 * step is safe to repeat: a detach re-reads the channel, and a delete of a resource already gone is done.
 */
export async function runDetachDeleteItem(db: Queryable, item: ClaimedItem, calls: DetachDeleteCalls): Promise<ItemOutcome> {
  const params = item.params as DetachDeleteParams;
  const isResource = item.target === params.resourceArn;
  const failedAt = await earlierFailure(db, item);
  if (failedAt !== null) {
    const message = isResource ? `Not deleted: "${failedAt}" was not detached.` : `Not started: "${failedAt}" was not detached.`;
    return { state: 'cancelled', message, calls: 0, throttled: 0 };
  }
  try {
    if (!isResource) {
      const { name, outcome } = await calls.detach(item.region, item.target, params);
      if (outcome === 'live') return { state: 'failed', message: calls.liveMessage(name), calls: 2, throttled: 0 };
      return { state: 'done', message: outcome === 'detached' ? 'Detached.' : 'Already detached.', calls: 2, throttled: 0 };
    }
    await calls.deleteResource(item.region, params);
    return { state: 'done', message: 'Deleted.', calls: 1, throttled: 0 };
  } catch (error) {
    if (isResource && isIvsError(error, 'ResourceNotFoundException'))
      return { state: 'done', message: 'Already deleted.', calls: 1, throttled: 0 };
    if (isResource && isIvsError(error, 'ConflictException')) {
      const inUse = await calls.stillInUse(item.region, params).catch(() => null);
      return { state: 'failed', message: inUse ?? describeIvsError(error).message, calls: 1, throttled: 0 };
    }
    if (isIvsError(error, 'ThrottlingException'))
      return { state: 'pending', message: 'IVS is throttling: waiting to try again.', calls: 1, throttled: 1 };
    return { state: 'failed', message: describeIvsError(error).message, calls: 1, throttled: 0 };
  }
}
