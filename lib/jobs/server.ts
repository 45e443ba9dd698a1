import 'server-only';
import { recordAudit } from '@/lib/audit';
import { deleteAdConfiguration } from '@/lib/ivs/ad-configurations';
import { detachChannel, inUseMessage, listChannelsUsing, liveChannelMessage, type DetachField } from '@/lib/ivs/channel-references';
import { batchGetChannels, deleteChannel } from '@/lib/ivs/channels';
import { deleteRecordingConfiguration } from '@/lib/ivs/recording-configurations';
import { invalidateReferenceNames } from '@/lib/ivs/reference-names';
import { deleteRestrictionPolicy } from '@/lib/ivs/restriction-policies';
import { currentStreamKeyArn, rotateStreamKey } from '@/lib/ivs/stream-keys';
import { getStream, invalidateLiveSnapshot } from '@/lib/ivs/streams';
import { listTags, tagResource, untagResource } from '@/lib/ivs/tags';
import { advanceJobs, type ItemOutcome } from '@/lib/jobs/runner';
import type { ClaimedItem } from '@/lib/jobs/store';
import { runDeleteItem, type DeleteCalls } from '@/lib/jobs/delete-kind';
import { runDetachDeleteItem, type DetachDeleteCalls } from '@/lib/jobs/detach-delete-kind';
import { runRotateItem, type RotateCalls } from '@/lib/jobs/rotate-kind';
import { runTagItem, type TagCalls } from '@/lib/jobs/tag-kind';
import type { DetachDeleteParams, JobKind, ReferencedResource } from '@/lib/jobs/types';
import { env } from '@/lib/env';
import { store, type Db } from '@/lib/store';

const IVS_TAG_CALLS: TagCalls = { listTags, tagResource, untagResource };
const IVS_ROTATE_CALLS: RotateCalls = { currentKeyArn: currentStreamKeyArn, rotate: rotateStreamKey };
const IVS_DELETE_CALLS: DeleteCalls = {
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
const IVS_DETACH_DELETE_CALLS: DetachDeleteCalls = {
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

const AUDIT_ACTION: Record<Exclude<JobKind, 'detach-delete'>, string> = {
  tags: 'tags.change',
  'rotate-keys': 'stream-key.rotate',
  'delete-channels': 'channel.delete',
};

/** Each item's audit record, as the one-resource action would have written it, in the starter's name. */
function auditAction(item: ClaimedItem): string {
  if (item.kind !== 'detach-delete') return AUDIT_ACTION[item.kind];
  const p = item.params as DetachDeleteParams;
  return `${p.resource}.${item.target === p.resourceArn ? 'delete' : 'detach'}`;
}

const RUN: Record<JobKind, (db: Db, item: ClaimedItem) => Promise<ItemOutcome>> = {
  tags: (db, item) => runTagItem(db, item, IVS_TAG_CALLS),
  'rotate-keys': (db, item) => runRotateItem(db, item, IVS_ROTATE_CALLS),
  'delete-channels': (db, item) => runDeleteItem(db, item, IVS_DELETE_CALLS),
  'detach-delete': (db, item) => runDetachDeleteItem(db, item, IVS_DETACH_DELETE_CALLS),
};
const IDLE_MS = 1000;
const LOOP_BUDGET_MS = 10_000;

/** Each kind's work on one item, audited when it ends (a retry for a throttle is not an end). */
async function runItem(item: ClaimedItem): Promise<ItemOutcome> {
  const db = await store();
  const outcome = await RUN[item.kind](db, item);
  if (outcome.state === 'done' || outcome.state === 'failed') {
    await recordAudit({
      user: item.startedBy,
      role: item.startedRole,
      region: item.region,
      action: auditAction(item),
      resourceArn: item.target,
      outcome: outcome.state === 'done' ? 'success' : 'failure',
      error: outcome.state === 'failed' ? outcome.message : undefined,
    });
  }
  return outcome;
}

/** Advances the jobs for up to budgetMs: the cron route, a job page's poll, a job's start. */
export async function runJobs(budgetMs: number): Promise<{ items: number }> {
  return advanceJobs(await store(), runItem, { budgetMs, leaseMs: env.JOBS_ITEM_LEASE_SECONDS * 1000 });
}

let inFlight: Promise<unknown> | null = null;

/**
 * Advances the jobs after a response (`after()`: a job's start, a job page's poll), unless this process
 * is already doing so: many open pages polling must not stack up workers. Where no process outlives a
 * request (Vercel), this and the cron route are what move jobs.
 */
export function runJobsInBackground(budgetMs: number): Promise<unknown> {
  inFlight ??= runJobs(budgetMs)
    .catch((error: Error) => console.error(`[jobs] advancing failed: ${error.message}`))
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

// Next bundles instrumentation.ts and the routes separately: one loop per process, not per bundle.
const KEY = Symbol.for('ivs-console.jobs-started');
const slot = globalThis as typeof globalThis & { [KEY]?: boolean };

/**
 * In a long-running server (`next start`, the container): advance jobs whenever there are any, looking
 * again every second when there are none. Only a saving: on a host where nothing runs between requests,
 * the cron route and open job pages advance them, and the claims make any mix of these safe.
 */
export function startJobsLoop(): void {
  if (slot[KEY]) return;
  slot[KEY] = true;
  const tick = async () => {
    const { items } = await runJobs(LOOP_BUDGET_MS).catch((error: Error) => {
      console.error(`[jobs] advancing failed: ${error.message}`);
      return { items: 0 };
    });
    setTimeout(() => void tick(), items ? 0 : IDLE_MS).unref();
  };
  setTimeout(() => void tick(), IDLE_MS).unref();
}
