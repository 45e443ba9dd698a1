import 'server-only';
import { deleteAdConfiguration } from '@/lib/ivs/ad-configurations';
import { detachChannel, inUseMessage, listChannelsUsing, liveChannelMessage, type DetachField } from '@/lib/ivs/channel-references';
import { batchGetChannels, deleteChannel } from '@/lib/ivs/channels';
import { deleteRecordingConfiguration } from '@/lib/ivs/recording-configurations';
import { invalidateReferenceNames } from '@/lib/ivs/reference-names';
import { deleteRestrictionPolicy } from '@/lib/ivs/restriction-policies';
import { currentStreamKeyArn, rotateStreamKey } from '@/lib/ivs/stream-keys';
import { getStream, invalidateLiveSnapshot } from '@/lib/ivs/streams';
import { listTags, tagResource, untagResource } from '@/lib/ivs/tags';
import { CREATE_OPERATION, createCopy, findCopy, readCloneSource, restoreTags, type CloneableKind } from '@/lib/ivs/clone';
import { paced, regionPacerName } from '@/lib/ivs/pacer';
import type { CloneCalls } from '@/lib/jobs/clone-kind';
import type { DeleteCalls } from '@/lib/jobs/delete-kind';
import type { DetachDeleteCalls } from '@/lib/jobs/detach-delete-kind';
import type { RotateCalls } from '@/lib/jobs/rotate-kind';
import { TAG_TPS, type TagCalls } from '@/lib/jobs/tag-kind';
import type { ReferencedResource } from '@/lib/jobs/types';
import type { Queryable } from '@/lib/store/types';

// Each job kind's IVS calls, as lib/ivs makes them (the kinds take them as arguments, so tests give fakes).

export const IVS_TAG_CALLS: TagCalls = { listTags, tagResource, untagResource };
export const IVS_ROTATE_CALLS: RotateCalls = { currentKeyArn: currentStreamKeyArn, rotate: rotateStreamKey };
export const IVS_DELETE_CALLS: DeleteCalls = {
  exists: async (region, arn) => (await batchGetChannels(region, [arn])).has(arn),
  deleteChannel: async (region, arn) => {
    await deleteChannel(region, arn);
    invalidateLiveSnapshot(region);
  },
  isLive: async (region, arn) => (await getStream(region, arn)) !== null,
};

// What a resource that channels reference needs for a detach-and-delete, by kind.
const REFERENCED: Record<ReferencedResource, { field: DetachField; noun: string; remove: (region: string, arn: string) => Promise<void> }> =
  {
    'recording-configuration': {
      field: 'recordingConfigurationArn',
      noun: 'recording configuration',
      remove: deleteRecordingConfiguration,
    },
    'restriction-policy': { field: 'playbackRestrictionPolicyArn', noun: 'restriction policy', remove: deleteRestrictionPolicy },
    'ad-configuration': { field: 'adConfigurationArn', noun: 'ad configuration', remove: deleteAdConfiguration },
  };
const FILTER = {
  recordingConfigurationArn: 'filterByRecordingConfigurationArn',
  playbackRestrictionPolicyArn: 'filterByPlaybackRestrictionPolicyArn',
  adConfigurationArn: 'filterByAdConfigurationArn',
} as const;
export const IVS_DETACH_DELETE_CALLS: DetachDeleteCalls = {
  detach: (region, channelArn, p) => detachChannel(region, channelArn, REFERENCED[p.resource].field, p.resourceArn),
  deleteResource: async (region, p) => {
    await REFERENCED[p.resource].remove(region, p.resourceArn);
    invalidateReferenceNames(region);
  },
  stillInUse: async (region, p) => {
    const { field, noun } = REFERENCED[p.resource];
    const channels = await listChannelsUsing(region, { [FILTER[field]]: p.resourceArn });
    return channels.items.length ? inUseMessage(noun, channels) : null;
  },
  liveMessage: liveChannelMessage,
};

/**
 * IVS's rate quota for each create, per account and region (the Low-Latency User Guide's "API Call Rate
 * Quotas": 3 TPS for recording configurations, 5 for channels and policies; ad configurations are not in
 * that table, so they get the channels' 5).
 */
const CREATE_TPS: Record<CloneableKind, number> = {
  channel: 5,
  'recording-configuration': 3,
  'playback-restriction-policy': 5,
  'ad-configuration': 5,
};

/** A clone's calls, its writes to the target region paced by that region's shared pacers. */
export function ivsCloneCalls(db: Queryable): CloneCalls {
  const account = (arn: string) => arn.split(':')[4] ?? '';
  return {
    read: readCloneSource,
    find: findCopy,
    create: (targetRegion, source, options) =>
      paced(db, regionPacerName(account(source.arn), targetRegion, CREATE_OPERATION[source.kind]), CREATE_TPS[source.kind], () =>
        createCopy(targetRegion, source, options),
      ),
    restoreTags: (targetRegion, arn, tags) =>
      paced(db, regionPacerName(account(arn), targetRegion, 'TagResource'), TAG_TPS, () => restoreTags(targetRegion, arn, tags)),
  };
}
