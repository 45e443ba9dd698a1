import type { CreateRecordingConfigurationRequest } from '@aws-sdk/client-ivs';
import { conflict, quotaExceeded, validation } from '../errors';
import { QUOTA } from '../service-quotas/catalogue';
import { makeArn } from '../ids';
import { project } from '../model';
import type { RecordingConfigRec } from '../records';
import { mustGet, type HandlerTable, type OpContext } from './context';
import { paginate } from './paging';
import { s3BucketNameProblem } from './s3-bucket';
import { checkNewTags } from './tag-rules';

export const RECORDING_CONFIGS_PER_REGION = 20;
// IVS takes a few seconds to validate the bucket before a configuration becomes usable.
export const ACTIVATION_MS = 2000;

// CREATING turns ACTIVE once enough time has passed; evaluated lazily on every read.
export function settle(ctx: OpContext, rec: RecordingConfigRec): RecordingConfigRec {
  if (rec.state === 'CREATING' && ctx.now.getTime() - rec.createdAtMs >= ACTIVATION_MS) {
    rec.state = 'ACTIVE';
    ctx.store.changed();
  }
  return rec;
}

export function createRecordingConfig(ctx: OpContext, input: CreateRecordingConfigurationRequest): RecordingConfigRec {
  const bucketName = input.destinationConfiguration?.s3?.bucketName;
  if (!bucketName) throw validation('destinationConfiguration.s3.bucketName is required.');
  const problem = s3BucketNameProblem(bucketName);
  if (problem) throw validation(`destinationConfiguration.s3.bucketName '${bucketName}' is not a valid S3 bucket name: it ${problem}.`);
  const rendition = input.renditionConfiguration;
  if (rendition?.renditionSelection === 'CUSTOM' && !rendition.renditions?.length) {
    throw validation('renditionConfiguration.renditions must list at least one rendition when renditionSelection is CUSTOM.');
  }
  const max = ctx.limit?.(QUOTA.recordingConfigurations) ?? RECORDING_CONFIGS_PER_REGION;
  if (ctx.state.recordingConfigs.size >= max) {
    throw quotaExceeded(`You can create at most ${max} recording configurations per region.`);
  }
  const thumb = input.thumbnailConfiguration;
  const rec: RecordingConfigRec = {
    arn: makeArn(ctx.region, ctx.accountId, 'recording-configuration'),
    name: input.name ?? '',
    destinationConfiguration: { s3: { bucketName } },
    state: 'CREATING',
    tags: checkNewTags({}, input.tags),
    thumbnailConfiguration: {
      recordingMode: thumb?.recordingMode ?? 'INTERVAL',
      targetIntervalSeconds: thumb?.targetIntervalSeconds ?? 60,
      ...(thumb?.resolution ? { resolution: thumb.resolution } : {}),
      storage: thumb?.storage?.length ? [...new Set(thumb.storage)] : ['SEQUENTIAL'],
    },
    recordingReconnectWindowSeconds: input.recordingReconnectWindowSeconds ?? 0,
    renditionConfiguration: {
      renditionSelection: rendition?.renditionSelection ?? 'ALL',
      renditions: rendition?.renditions ?? [],
    },
    createdAtMs: ctx.now.getTime(),
  };
  ctx.state.recordingConfigs.set(rec);
  return rec;
}

export const recordingConfigOps: HandlerTable = {
  CreateRecordingConfiguration(ctx, input: CreateRecordingConfigurationRequest) {
    const rec = createRecordingConfig(ctx, input);
    ctx.store.changed();
    return { recordingConfiguration: project(rec, 'RecordingConfiguration') };
  },

  GetRecordingConfiguration(ctx, input: { arn: string }) {
    const rec = settle(ctx, mustGet(ctx.state.recordingConfigs, input.arn));
    return { recordingConfiguration: project(rec, 'RecordingConfiguration') };
  },

  ListRecordingConfigurations(ctx, input: { nextToken?: string; maxResults?: number }) {
    const page = paginate(ctx.state.recordingConfigs.list(), 'ListRecordingConfigurations', input, 100);
    return {
      recordingConfigurations: page.items.map((r) => project(settle(ctx, r), 'RecordingConfigurationSummary')),
      nextToken: page.nextToken,
    };
  },

  DeleteRecordingConfiguration(ctx, input: { arn: string }) {
    mustGet(ctx.state.recordingConfigs, input.arn);
    const user = ctx.state.channels.list().find((c) => c.recordingConfigurationArn === input.arn);
    if (user) {
      throw conflict(
        `Recording configuration ${input.arn} is used by channel ${user.arn}. Set the channel's recordingConfigurationArn to "" first.`,
      );
    }
    ctx.state.recordingConfigs.delete(input.arn);
    ctx.store.changed();
  },
};
