'use server';

import { after } from 'next/server';
import { defineAction } from '@/lib/auth/action';
import {
  jobIdSchema,
  startDeleteChannelsJobSchema,
  startDetachDeleteJobSchema,
  startRotateKeysJobSchema,
  startTagJobSchema,
} from '@/lib/jobs/schema';
import { runJobsInBackground } from '@/lib/jobs/server';
import { AFTER_START_MS, startJob } from '@/lib/jobs/start';
import { cancelJob, retryFailedItems } from '@/lib/jobs/store';
import { store } from '@/lib/store';

// Bulk work the server runs (lib/jobs): started, cancelled and retried here; advanced by the server's
// loop, the cron route and open job pages. Safe to run twice: the browser's request id is the job's id.

/** Tags (and untags) many channels as one job. The ARNs are checked like every action's (region, account). */
export const startTagJobAction = defineAction({
  name: 'jobs.start-tags',
  role: 'operator',
  input: startTagJobSchema,
  run: async ({ input, user, region }) => {
    return startJob(user, {
      id: input.requestId,
      kind: 'tags',
      region,
      params: { set: Object.fromEntries(input.set.map((r) => [r.key, r.value])), remove: input.remove },
      targets: input.targets.map((t) => ({ target: t.arn, label: t.name })),
    });
  },
});

/**
 * Rotates the stream keys of many channels as one job. Each rotation is audited as
 * `stream-key.rotate` on its channel when it ends, like a single rotation.
 */
export const startRotateKeysJobAction = defineAction({
  name: 'jobs.start-rotate-keys',
  role: 'operator',
  input: startRotateKeysJobSchema,
  run: async ({ input, user, region }) => {
    return startJob(user, {
      id: input.requestId,
      kind: 'rotate-keys',
      region,
      params: { stopStream: input.stopStream },
      targets: input.channelArns.map((arn) => ({ target: arn, label: arn.split('/').pop() ?? arn })),
    });
  },
});

/** Deletes many channels (and their stream keys) as one job; admins only, like deleting one. */
export const startDeleteChannelsJobAction = defineAction({
  name: 'jobs.start-delete-channels',
  role: 'admin',
  input: startDeleteChannelsJobSchema,
  run: async ({ input, user, region }) => {
    return startJob(user, {
      id: input.requestId,
      kind: 'delete-channels',
      region,
      params: {},
      targets: input.channels.map((c) => ({ target: c.arn, label: c.name })),
    });
  },
});

/**
 * Detaches a recording configuration, restriction policy or ad configuration from the channels that use
 * it, in order, then deletes it (admins, like deleting it). The first channel that refuses stops it.
 */
export const startDetachDeleteJobAction = defineAction({
  name: 'jobs.start-detach-delete',
  role: 'admin',
  input: startDetachDeleteJobSchema,
  resource: (input) => input.resourceArn,
  run: async ({ input, user, region }) => {
    return startJob(user, {
      id: input.requestId,
      kind: 'detach-delete',
      region,
      params: { resource: input.resource, resourceArn: input.resourceArn, label: input.label },
      targets: [...input.channels.map((c) => ({ target: c.arn, label: c.name })), { target: input.resourceArn, label: input.label }],
    });
  },
});

/** Stops a running job; items in flight finish their calls, the rest are marked not started. */
export const cancelJobAction = defineAction({
  name: 'jobs.cancel',
  role: 'operator',
  input: jobIdSchema,
  run: async ({ input }) => ({ cancelled: await cancelJob(await store(), input.jobId) }),
});

/** Queues a job's failed and never-started items again. */
export const retryJobAction = defineAction({
  name: 'jobs.retry',
  role: 'operator',
  input: jobIdSchema,
  run: async ({ input }) => {
    const queued = await retryFailedItems(await store(), input.jobId);
    if (queued) after(() => runJobsInBackground(AFTER_START_MS));
    return { queued };
  },
});
