'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { previewClone, type ClonePreview } from '@/lib/ivs/clone-preview';
import { previewCloneSchema, startCloneJobSchema } from '@/lib/jobs/schema';
import { startJob } from '@/lib/jobs/start';

// Clone to region (issue 17): a preview of what would be made, then a server-side job that makes it.

function otherRegion(source: string, target: string) {
  if (source === target) throw new ActionError('Choose a region other than the one the channels are in.');
}

/** What cloning the channels would create in the target region, and what to know first. Reads only. */
export const previewCloneAction = defineAction({
  name: 'clone.preview',
  role: 'operator',
  input: previewCloneSchema,
  auditSuccess: () => false,
  run: async ({ input, region }): Promise<ClonePreview> => {
    otherRegion(region, input.targetRegion);
    return previewClone(region, input.targetRegion, input.channelArns);
  },
});

/**
 * Copies the channels and everything they reference into the target region as a job: the references
 * first, then the channels pointing at the copies. What is copied is read again here, not taken from
 * the browser. Each recording configuration needs a bucket in the target region, and each ad
 * configuration MediaTailor playback configurations there: IVS uses only its own region's of both.
 * Nothing in this region changes.
 */
export const startCloneJobAction = defineAction({
  name: 'clone.start',
  role: 'operator',
  input: startCloneJobSchema,
  run: async ({ input, user, region }) => {
    otherRegion(region, input.targetRegion);
    const preview = await previewClone(region, input.targetRegion, input.channelArns);
    if (!preview.channels.length) throw new ActionError(`None of these channels is in ${region} any more.`);
    const given = new Map(input.buckets.map((b) => [b.arn, b.bucketName]));
    const buckets: Record<string, string> = {};
    for (const ref of preview.references) {
      if (ref.kind !== 'recording-configuration') continue;
      const bucket = given.get(ref.arn);
      if (!bucket)
        throw new ActionError(`Give a bucket in ${input.targetRegion} for the recording configuration "${ref.name || ref.arn}".`);
      if (bucket === ref.sourceBucket)
        throw new ActionError(`"${bucket}" is in ${region}: IVS records only to a bucket in the configuration's own region.`);
      buckets[ref.arn] = bucket;
    }
    const givenAds = new Map(input.playbackConfigurations.map((p) => [p.arn, p.playbackConfigurationArns]));
    const playbackConfigurations: Record<string, string[]> = {};
    for (const ref of preview.references) {
      if (ref.kind !== 'ad-configuration') continue;
      const arns = givenAds.get(ref.arn);
      if (!arns) throw new ActionError(`Give MediaTailor playback configurations in ${input.targetRegion} for "${ref.name || ref.arn}".`);
      const elsewhere = arns.find((arn) => arn.split(':')[3] !== input.targetRegion);
      if (elsewhere)
        throw new ActionError(
          `${elsewhere} is not in ${input.targetRegion}: IVS uses MediaTailor playback configurations of its own region.`,
        );
      playbackConfigurations[ref.arn] = arns;
    }
    return startJob(user, {
      id: input.requestId,
      kind: 'clone',
      region,
      params: { targetRegion: input.targetRegion, buckets, playbackConfigurations },
      targets: [...preview.references, ...preview.channels].map((r) => ({ target: r.arn, label: r.name || r.arn.split('/').pop()! })),
    });
  },
});
