import { describeIvsError } from '@/lib/ivs/errors';
import type { CloneableKind, CloneSource, CopyOptions } from '@/lib/ivs/clone';
import type { ItemOutcome } from '@/lib/jobs/runner';
import { itemOfTarget, saveItemDetail, type ClaimedItem } from '@/lib/jobs/store';
import type { CloneParams } from '@/lib/jobs/types';
import type { Queryable } from '@/lib/store/types';

/** A clone's IVS calls (lib/ivs/clone.ts in the console), each paced by the caller's pacers. */
export interface CloneCalls {
  read(region: string, arn: string): Promise<CloneSource | undefined>;
  create(targetRegion: string, source: CloneSource, options: CopyOptions): Promise<string>;
  find(targetRegion: string, kind: CloneableKind, name: string, requestId: string): Promise<string | undefined>;
  restoreTags(targetRegion: string, arn: string, sourceTags: Record<string, string>): Promise<void>;
}

const NOUN: Record<CloneableKind, string> = {
  channel: 'channel',
  'recording-configuration': 'recording configuration',
  'playback-restriction-policy': 'restriction policy',
  'ad-configuration': 'ad configuration',
};

const isThrottle = (error: unknown) => (error as { name?: string })?.name === 'ThrottlingException';

/** The ARNs a channel references, each of which must have been copied before the channel is. */
function referencesOf(source: CloneSource): string[] {
  if (source.kind !== 'channel') return [];
  const c = source.channel;
  return [c.recordingConfigurationArn, c.playbackRestrictionPolicyArn, c.adConfigurationArn].filter((a): a is string => !!a);
}

/** The request id a copy is marked with: one per item, so an attempt that takes it over finds it. */
export const copyRequestId = (item: Pick<ClaimedItem, 'jobId' | 'seq'>) => `clone:${item.jobId}:${item.seq}`;

/**
 * One resource of a clone: read from the source region, made again in the target region (a channel
 * with the copies of its references), then given exactly the source's tags. Safe to repeat: the copy's
 * ARN is noted as soon as it exists, and an attempt that takes the item over after its instance died
 * looks for the copy by its request tag before making one.
 */
export async function runCloneItem(db: Queryable, item: ClaimedItem, calls: CloneCalls): Promise<ItemOutcome> {
  const { targetRegion, buckets, playbackConfigurations } = item.params as CloneParams;
  let made = 0;
  const done = (arn: string, message: string): ItemOutcome => ({
    state: 'done',
    message,
    calls: made,
    throttled: 0,
    audit: { region: targetRegion, resourceArn: arn },
  });
  try {
    made += 1;
    const source = await calls.read(item.region, item.target);
    if (!source)
      return { state: 'failed', message: `No longer in ${item.region}: deleted since the clone started.`, calls: made, throttled: 0 };
    const noted = typeof item.detail?.copyArn === 'string' ? item.detail.copyArn : undefined;
    if (noted) {
      made += 1;
      await calls.restoreTags(targetRegion, noted, source.tags);
      return done(noted, `Copied as ${noted}.`);
    }
    const references: Record<string, string> = {};
    for (const arn of referencesOf(source)) {
      const copied = await itemOfTarget(db, item.jobId, arn);
      if (!copied) {
        const message = `It now uses ${arn}, which was not in the preview: start the clone again.`;
        return { state: 'failed', message, calls: made, throttled: 0 };
      }
      if (copied.state !== 'done' || typeof copied.detail?.copyArn !== 'string')
        return { state: 'cancelled', message: `Not started: "${copied.label}" was not copied.`, calls: made, throttled: 0 };
      references[arn] = copied.detail.copyArn;
    }
    const requestId = copyRequestId(item);
    let arn: string | undefined;
    if (item.attempts > 1) {
      made += 1;
      arn = await calls.find(targetRegion, source.kind, source.name, requestId);
    }
    if (!arn) {
      made += 1;
      const playbackConfigurationArns = playbackConfigurations[item.target];
      arn = await calls.create(targetRegion, source, {
        references,
        bucketName: buckets[item.target],
        playbackConfigurationArns,
        requestId,
      });
    }
    if (!(await saveItemDetail(db, item, { copyArn: arn })))
      return { state: 'pending', message: 'Taken over by another instance.', calls: made, throttled: 0 };
    made += 1;
    await calls.restoreTags(targetRegion, arn, source.tags);
    return done(arn, `Copied as ${arn}.${source.kind === 'channel' ? ' It has a stream key of its own.' : ''}`);
  } catch (error) {
    if (isThrottle(error)) return { state: 'pending', message: 'IVS is throttling: waiting to try again.', calls: made, throttled: 1 };
    const kind = NOUN[(item.target.split(':')[5]?.split('/')[0] ?? 'channel') as CloneableKind] ?? 'resource';
    return { state: 'failed', message: `The ${kind} was not copied: ${describeIvsError(error).message}`, calls: made, throttled: 0 };
  }
}
