import 'server-only';
import {
  CreateAdConfigurationCommand,
  CreateChannelCommand,
  CreatePlaybackRestrictionPolicyCommand,
  CreateRecordingConfigurationCommand,
  GetAdConfigurationCommand,
  GetChannelCommand,
  GetPlaybackRestrictionPolicyCommand,
  GetRecordingConfigurationCommand,
  ListChannelsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type AdConfiguration,
  type IvsClient,
  type Channel,
  type PlaybackRestrictionPolicy,
  type RecordingConfiguration,
} from '@aws-sdk/client-ivs';
import { listAllAdConfigurations } from '@/lib/ivs/ad-configurations';
import { parseArn } from '@/lib/ivs/arn';
import { ivsClient, ivsClientNoRetry } from '@/lib/ivs/client';
import { createAdopting, madeBy, REQUEST_TAG } from '@/lib/ivs/create-adopting';
import { isIvsError } from '@/lib/ivs/errors';
import { PAGE_SIZE, pagesOf, readAllPages } from '@/lib/ivs/list-all';
import { writeThrough } from '@/lib/ivs/read-cache';
import { listAllRecordingConfigurations } from '@/lib/ivs/recording-configurations';
import { listAllRestrictionPolicies } from '@/lib/ivs/restriction-policies';

// Copying channels and what they reference into another region (clone to region, issue 17): each
// resource is read with its Get call and made again from that answer with its Create call, so every
// setting IVS returns is carried over, tags included. Nothing in the source region is changed.

export type CloneableKind = 'channel' | 'recording-configuration' | 'playback-restriction-policy' | 'ad-configuration';

/** A resource as its Get call answered, to be made again elsewhere. */
export type CloneSource =
  | { kind: 'channel'; arn: string; name: string; tags: Record<string, string>; channel: Channel }
  | { kind: 'recording-configuration'; arn: string; name: string; tags: Record<string, string>; configuration: RecordingConfiguration }
  | {
      kind: 'playback-restriction-policy';
      arn: string;
      name: string;
      tags: Record<string, string>;
      policy: PlaybackRestrictionPolicy;
    }
  | { kind: 'ad-configuration'; arn: string; name: string; tags: Record<string, string>; configuration: AdConfiguration };

export function cloneableKind(arn: string): CloneableKind | null {
  const kind = parseArn(arn)?.kind;
  return kind === 'channel' || kind === 'recording-configuration' || kind === 'playback-restriction-policy' || kind === 'ad-configuration'
    ? kind
    : null;
}

const notFound = (error: unknown) => {
  if (isIvsError(error, 'ResourceNotFoundException')) return undefined;
  throw error;
};

/** The resource as IVS has it now, or undefined when it is gone. One Get call. */
export async function readCloneSource(region: string, arn: string): Promise<CloneSource | undefined> {
  const ivs = ivsClient(region);
  const base = (r: { arn?: string; name?: string; tags?: Record<string, string> }) => ({ arn, name: r.name ?? '', tags: r.tags ?? {} });
  switch (cloneableKind(arn)) {
    case 'channel': {
      const out = await ivs.send(new GetChannelCommand({ arn })).catch(notFound);
      return out?.channel && { kind: 'channel', ...base(out.channel), channel: out.channel };
    }
    case 'recording-configuration': {
      const out = await ivs.send(new GetRecordingConfigurationCommand({ arn })).catch(notFound);
      const c = out?.recordingConfiguration;
      return c && { kind: 'recording-configuration', ...base(c), configuration: c };
    }
    case 'playback-restriction-policy': {
      const out = await ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn })).catch(notFound);
      const p = out?.playbackRestrictionPolicy;
      return p && { kind: 'playback-restriction-policy', ...base(p), policy: p };
    }
    case 'ad-configuration': {
      const out = await ivs.send(new GetAdConfigurationCommand({ arn })).catch(notFound);
      const c = out?.adConfiguration;
      return c && { kind: 'ad-configuration', ...base(c), configuration: c };
    }
    default:
      throw new Error(`Not a resource the console clones: ${arn}`);
  }
}

/** The operation that makes a copy of this kind (the pacer's name). */
export const CREATE_OPERATION: Record<CloneableKind, string> = {
  channel: 'CreateChannel',
  'recording-configuration': 'CreateRecordingConfiguration',
  'playback-restriction-policy': 'CreatePlaybackRestrictionPolicy',
  'ad-configuration': 'CreateAdConfiguration',
};

const MAX_TAGS = 50;

/**
 * The tags a copy is made with: the source's, with this request's tag in place of any the source
 * carries (so a copy whose answer was lost can be found), when there is room for it.
 */
function copyTags(source: CloneSource, requestId: string): { tags: Record<string, string> | undefined; marked: boolean } {
  const own = Object.fromEntries(Object.entries(source.tags).filter(([key]) => key !== REQUEST_TAG));
  const marked = Object.keys(own).length < MAX_TAGS;
  const tags = marked ? { ...own, [REQUEST_TAG]: requestId } : own;
  return { tags: Object.keys(tags).length ? tags : undefined, marked };
}

export interface CopyOptions {
  /** The copies of the resources a channel references: source ARN -> ARN in the target region. */
  references: Record<string, string>;
  /** A recording configuration's S3 bucket in the target region (IVS records only to a bucket in its own region). */
  bucketName?: string;
  /** An ad configuration's MediaTailor playback configurations in the target region (IVS uses only its own region's). */
  playbackConfigurationArns?: string[];
  /** Marks the copy so that a create whose answer was lost is found and adopted, not made twice. */
  requestId: string;
}

/** The create call that makes the copy, answering the copy's ARN. */
function createCall(source: CloneSource, options: CopyOptions): (ivs: IvsClient) => Promise<string> {
  const { tags } = copyTags(source, options.requestId);
  const ref = (arn: string | undefined) => (arn ? options.references[arn] : undefined);
  switch (source.kind) {
    case 'channel': {
      const c = source.channel;
      const command = new CreateChannelCommand({
        name: c.name,
        type: c.type,
        latencyMode: c.latencyMode,
        authorized: c.authorized,
        insecureIngest: c.insecureIngest,
        preset: c.preset || undefined,
        containerFormat: c.containerFormat,
        multitrackInputConfiguration: c.multitrackInputConfiguration,
        recordingConfigurationArn: ref(c.recordingConfigurationArn),
        playbackRestrictionPolicyArn: ref(c.playbackRestrictionPolicyArn),
        adConfigurationArn: ref(c.adConfigurationArn),
        tags,
      });
      return async (ivs) => (await ivs.send(command)).channel?.arn ?? '';
    }
    case 'recording-configuration': {
      const c = source.configuration;
      const s3 = c.destinationConfiguration?.s3;
      const command = new CreateRecordingConfigurationCommand({
        name: c.name,
        destinationConfiguration: { s3: { bucketName: options.bucketName || s3?.bucketName } },
        recordingReconnectWindowSeconds: c.recordingReconnectWindowSeconds,
        renditionConfiguration: c.renditionConfiguration,
        thumbnailConfiguration: c.thumbnailConfiguration,
        tags,
      });
      return async (ivs) => (await ivs.send(command)).recordingConfiguration?.arn ?? '';
    }
    case 'playback-restriction-policy': {
      const p = source.policy;
      const command = new CreatePlaybackRestrictionPolicyCommand({
        name: p.name,
        allowedCountries: p.allowedCountries,
        allowedOrigins: p.allowedOrigins,
        enableStrictOriginEnforcement: p.enableStrictOriginEnforcement,
        tags,
      });
      return async (ivs) => (await ivs.send(command)).playbackRestrictionPolicy?.arn ?? '';
    }
    case 'ad-configuration': {
      const c = source.configuration;
      const command = new CreateAdConfigurationCommand({
        name: c.name,
        mediaTailorPlaybackConfigurations:
          options.playbackConfigurationArns?.map((playbackConfigurationArn) => ({ playbackConfigurationArn })) ??
          c.mediaTailorPlaybackConfigurations,
        postRollConfiguration: c.postRollConfiguration,
        tags,
      });
      return async (ivs) => (await ivs.send(command)).adConfiguration?.arn ?? '';
    }
  }
}

/** The copy a clone request made in the region, found by its request tag (one listing of that kind). */
export async function findCopy(region: string, kind: CloneableKind, name: string, requestId: string): Promise<string | undefined> {
  switch (kind) {
    case 'channel': {
      const pages = pagesOf((nextToken) =>
        ivsClient(region).send(new ListChannelsCommand({ filterByName: name || undefined, maxResults: PAGE_SIZE, nextToken })),
      );
      return madeBy((await readAllPages(pages, (page) => page.channels)).items, requestId)?.arn;
    }
    case 'recording-configuration':
      return madeBy(await listAllRecordingConfigurations(region), requestId)?.arn;
    case 'playback-restriction-policy':
      return madeBy(await listAllRestrictionPolicies(region), requestId)?.arn;
    case 'ad-configuration':
      return madeBy(await listAllAdConfigurations(region), requestId)?.arn;
  }
}

/**
 * Makes the copy in the target region and returns its ARN. The create is sent once; if its answer is
 * lost the copy is looked for by its request tag and adopted (lib/ivs/create-adopting.ts). A channel's
 * copy gets a stream key of its own from IVS, as every new channel does.
 */
export async function createCopy(targetRegion: string, source: CloneSource, options: CopyOptions): Promise<string> {
  const create = createCall(source, options);
  const { marked } = copyTags(source, options.requestId);
  return writeThrough(targetRegion, () =>
    createAdopting({
      create: () => create(ivsClientNoRetry(targetRegion)),
      find: () => findCopy(targetRegion, source.kind, source.name, options.requestId),
      attempts: marked ? 3 : 1,
    }),
  );
}

/**
 * Gives the copy exactly the source's tags: the request tag the create carried is removed, or set back
 * to the source's own value when the source was itself made by the console. One call.
 */
export async function restoreTags(targetRegion: string, arn: string, sourceTags: Record<string, string>): Promise<void> {
  const own = sourceTags[REQUEST_TAG];
  await writeThrough(targetRegion, () =>
    own === undefined
      ? ivsClient(targetRegion).send(new UntagResourceCommand({ resourceArn: arn, tagKeys: [REQUEST_TAG] }))
      : ivsClient(targetRegion).send(new TagResourceCommand({ resourceArn: arn, tags: { [REQUEST_TAG]: own } })),
  );
}
