'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { isIvsError } from '@/lib/ivs/errors';
import { detachChannel, inUseMessage, liveChannelMessage } from '@/lib/ivs/channel-references';
import {
  channelsUsingPolicy,
  createRestrictionPolicy,
  deleteRestrictionPolicy,
  getRestrictionPolicy,
  updateRestrictionPolicy,
} from '@/lib/ivs/restriction-policies';
import { invalidateReferenceNames } from '@/lib/ivs/reference-names';
import {
  createRestrictionPolicySchema,
  detachRestrictionPolicySchema,
  restrictionPolicyRefSchema,
  updateRestrictionPolicySchema,
} from '@/lib/ivs/schemas/restriction-policy';


export const createRestrictionPolicyAction = defineAction({
  name: 'restriction-policy.create',
  role: 'operator',
  input: createRestrictionPolicySchema,
  resource: (_input, data?: { arn: string; id: string }) => data?.arn,
  run: async ({ input, region }) => {
    const created = await createRestrictionPolicy(region, input);
    invalidateReferenceNames(region); // the channel pages' pickers and filter offer it at once
    return { arn: created.arn, id: created.id };
  },
});

export const updateRestrictionPolicyAction = defineAction({
  name: 'restriction-policy.update',
  role: 'operator',
  input: updateRestrictionPolicySchema,
  resource: (input) => input.arn,
  run: async ({ input, region }) => {
    if (!(await getRestrictionPolicy(region, input.arn))) {
      throw new ActionError('This restriction policy no longer exists; someone may have deleted it.', 'NotFound');
    }
    const updated = await updateRestrictionPolicy(region, input);
    invalidateReferenceNames(region); // it may have been renamed
    return { arn: updated.arn, id: updated.id };
  },
});

async function refuseWhileInUse(region: string, arn: string): Promise<void> {
  const channels = await channelsUsingPolicy(region, arn);
  if (channels.items.length) throw new ActionError(inUseMessage('restriction policy', channels), 'InUse');
}

export const deleteRestrictionPolicyAction = defineAction({
  name: 'restriction-policy.delete',
  role: 'admin',
  input: restrictionPolicyRefSchema,
  resource: (input) => input.arn,
  run: async ({ input, region }) => {
    await refuseWhileInUse(region, input.arn);
    try {
      await deleteRestrictionPolicy(region, input.arn);
    } catch (error) {
      if (isIvsError(error, 'ConflictException')) await refuseWhileInUse(region, input.arn);
      throw error;
    }
    invalidateReferenceNames(region);
    return { arn: input.arn };
  },
});

export const detachRestrictionPolicyAction = defineAction({
  name: 'restriction-policy.detach',
  role: 'admin',
  input: detachRestrictionPolicySchema,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => {
    const result = await detachChannel(region, input.channelArn, 'playbackRestrictionPolicyArn', input.arn);
    if (result.outcome === 'live') throw new ActionError(liveChannelMessage(result.name), 'ChannelLive');
    return result;
  },
});
