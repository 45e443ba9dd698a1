import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';
import { IVS_REGIONS } from '@/lib/ivs/regions';
import { bucketNameSchema } from '@/lib/ivs/schemas/recording-configuration';
import { playbackConfigurationArnsSchema } from '@/lib/ivs/schemas/ad-configuration';
import { MAX_TAGS, tagKeySchema, taggableArnSchema, tagRowsSchemaFor } from '@/lib/ivs/schemas/tags';

const IVS_REGION_IDS = IVS_REGIONS.map((r) => r.id);

/** Items one job may hold: the channel quota's order of magnitude, so "every matching channel" fits. */
export const MAX_JOB_ITEMS = 10_000;

const targetSchema = z.object({ arn: taggableArnSchema, name: z.string().check(z.maxLength(128)) });

/**
 * Starting a bulk tag job: the resources, tags to set (rows, see tagsToSetSchema) and keys to remove, and
 * the browser's request id, which becomes the job's id so a repeated submit starts nothing new.
 */
export const startTagJobSchema = z
  .object({
    requestId: requestIdSchema,
    targets: z
      .array(targetSchema)
      .check(z.minLength(1, 'Choose at least one channel.'), z.maxLength(MAX_JOB_ITEMS, `At most ${MAX_JOB_ITEMS} channels per job.`)),
    set: tagRowsSchemaFor('channel'),
    remove: z.array(tagKeySchema).check(z.maxLength(MAX_TAGS, `At most ${MAX_TAGS} keys to remove.`)),
  })
  .check(
    z.refine((v) => v.set.length + v.remove.length > 0, { message: 'Give a tag to set or a key to remove.' }),
    z.refine((v) => !v.remove.some((k) => v.set.some((r) => r.key === k)), { message: 'Remove or set a key, not both.' }),
  );

/** Starting a bulk stream key rotation of these channels (by ARN), optionally stopping their live streams. */
export const startRotateKeysJobSchema = z.object({
  requestId: requestIdSchema,
  channelArns: z
    .array(arnSchema('channel'))
    .check(z.minLength(1, 'Choose at least one channel.'), z.maxLength(MAX_JOB_ITEMS, `At most ${MAX_JOB_ITEMS} channels per job.`)),
  stopStream: z.boolean(),
});

/** Deleting these channels (admins): ARN and name of each, as the operator saw them. */
export const startDeleteChannelsJobSchema = z.object({
  requestId: requestIdSchema,
  channels: z
    .array(z.object({ arn: arnSchema('channel'), name: z.string().check(z.maxLength(128)) }))
    .check(z.minLength(1, 'Choose at least one channel.'), z.maxLength(MAX_JOB_ITEMS, `At most ${MAX_JOB_ITEMS} channels per job.`)),
});

const REFERENCED_ARN_KIND = {
  'recording-configuration': 'recording-configuration',
  'restriction-policy': 'playback-restriction-policy',
  'ad-configuration': 'ad-configuration',
} as const;

/** Detaching a resource from the channels that use it, then deleting it (admins). */
export const startDetachDeleteJobSchema = z
  .object({
    requestId: requestIdSchema,
    resource: z.enum(['recording-configuration', 'restriction-policy', 'ad-configuration']),
    resourceArn: arnSchema(['recording-configuration', 'playback-restriction-policy', 'ad-configuration']),
    label: z.string().check(z.maxLength(128)),
    channels: z
      .array(z.object({ arn: arnSchema('channel'), name: z.string().check(z.maxLength(128)) }))
      .check(z.maxLength(MAX_JOB_ITEMS, `At most ${MAX_JOB_ITEMS} channels per job.`)),
  })
  .check(
    z.refine((v) => v.resourceArn.split(':')[5]?.startsWith(`${REFERENCED_ARN_KIND[v.resource]}/`), {
      message: 'The ARN is not of that kind of resource.',
    }),
  );

export const jobIdSchema = z.object({ jobId: requestIdSchema });

/** Channels one clone may copy: the preview lists each, and the operator should read it. */
export const MAX_CLONE_CHANNELS = 500;

const cloneChannelsSchema = z
  .array(arnSchema('channel'))
  .check(
    z.minLength(1, 'Choose at least one channel.'),
    z.maxLength(MAX_CLONE_CHANNELS, `At most ${MAX_CLONE_CHANNELS} channels per clone.`),
  );

/** What a clone into another region would create (the preview). */
export const previewCloneSchema = z.object({
  channelArns: cloneChannelsSchema,
  targetRegion: z.enum(IVS_REGION_IDS, 'Choose a region IVS serves.'),
});

/** Cloning these channels and their references into the target region, with a bucket there for each recording configuration. */
export const startCloneJobSchema = z.object({
  requestId: requestIdSchema,
  channelArns: cloneChannelsSchema,
  targetRegion: z.enum(IVS_REGION_IDS, 'Choose a region IVS serves.'),
  buckets: z.array(z.object({ arn: arnSchema('recording-configuration'), bucketName: bucketNameSchema })),
  playbackConfigurations: z.array(
    z.object({ arn: arnSchema('ad-configuration'), playbackConfigurationArns: playbackConfigurationArnsSchema }),
  ),
});
