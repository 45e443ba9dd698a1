'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { isIvsError } from '@/lib/ivs/errors';
import { inUseMessage } from '@/lib/ivs/channel-references';
import {
  channelsUsingPolicy,
  createRestrictionPolicy,
  deleteRestrictionPolicy,
  getRestrictionPolicy,
  restrictionPolicyCreatedBy,
  updateRestrictionPolicy,
} from '@/lib/ivs/restriction-policies';
import { invalidateReferenceNames } from '@/lib/ivs/reference-names';
import { createOnce } from '@/lib/auth/create-once';
import {
  createRestrictionPolicyRequestSchema,
  restrictionPolicyRefSchema,
  updateRestrictionPolicySchema,
} from '@/lib/ivs/schemas/restriction-policy';

// What the ledger keeps and the page needs of a created resource.
const refTo = ({ arn, id }: { arn: string; id: string }) => ({ arn, id });

export const createRestrictionPolicyAction = defineAction({
  name: 'restriction-policy.create',
  role: 'operator',
  input: createRestrictionPolicyRequestSchema,
  resource: (_input, data?: { arn: string; id: string }) => data?.arn,
  // One policy per form submit, however often it arrives or IVS's answer is lost.
  run: async ({ input: { requestId, ...settings }, region, user }) => {
    const created = await createOnce(
      { requestId, kind: 'restriction-policy.create', region, user: user.email, input: settings },
      {
        create: async () => refTo(await createRestrictionPolicy(region, settings, requestId)),
        recover: async () => {
          const made = await restrictionPolicyCreatedBy(region, settings, requestId);
          return made && refTo(made);
        },
      },
    );
    invalidateReferenceNames(region); // the channel pages' pickers and filter offer it at once
    return created;
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
