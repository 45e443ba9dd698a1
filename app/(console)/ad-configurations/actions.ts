'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { isIvsError } from '@/lib/ivs/errors';
import { inUseMessage, listChannelsUsing } from '@/lib/ivs/channel-references';
import { adConfigurationCreatedBy, createAdConfiguration, deleteAdConfiguration, updateAdConfiguration } from '@/lib/ivs/ad-configurations';
import { createOnce } from '@/lib/auth/create-once';
import { invalidateReferenceNames } from '@/lib/ivs/reference-names';
import {
  adConfigurationRefSchema,
  createAdConfigurationRequestSchema,
  updateAdConfigurationSchema,
} from '@/lib/ivs/schemas/ad-configuration';

// What the ledger keeps and the page needs of a created resource.
const refTo = ({ arn, id }: { arn: string; id: string }) => ({ arn, id });

export const createAdConfigurationAction = defineAction({
  name: 'ad-configuration.create',
  role: 'operator',
  input: createAdConfigurationRequestSchema,
  resource: (_input, data?: { arn: string; id: string }) => data?.arn,
  // One configuration per form submit, however often it arrives or IVS's answer is lost.
  run: async ({ input: { requestId, ...settings }, region, user }) => {
    const created = await createOnce(
      { requestId, kind: 'ad-configuration.create', region, user: user.email, input: settings },
      {
        create: async () => refTo(await createAdConfiguration(region, settings, requestId)),
        recover: async () => {
          const made = await adConfigurationCreatedBy(region, settings, requestId);
          return made && refTo(made);
        },
      },
    );
    invalidateReferenceNames(region); // the channel pages' pickers and filter offer it at once
    return created;
  },
});

// An update sends every setting, so a repeat leaves the same result: safe to run twice.
export const updateAdConfigurationAction = defineAction({
  name: 'ad-configuration.update',
  role: 'operator',
  input: updateAdConfigurationSchema,
  resource: (input) => input.arn,
  run: async ({ input: { arn, ...settings }, region }) => {
    const updated = await updateAdConfiguration(region, arn, settings);
    invalidateReferenceNames(region); // a rename shows in the channel pages' pickers
    return refTo(updated);
  },
});

// Re-checks usage on the server (the page may be stale) and names the channels in the refusal.
async function refuseWhileInUse(region: string, arn: string): Promise<void> {
  const channels = await listChannelsUsing(region, { filterByAdConfigurationArn: arn });
  if (channels.items.length) throw new ActionError(inUseMessage('ad configuration', channels), 'InUse');
}

export const deleteAdConfigurationAction = defineAction({
  name: 'ad-configuration.delete',
  role: 'admin',
  input: adConfigurationRefSchema,
  resource: (input) => input.arn,
  run: async ({ input, region }) => {
    await refuseWhileInUse(region, input.arn);
    try {
      await deleteAdConfiguration(region, input.arn);
    } catch (error) {
      // A channel was attached between our check and the delete: IVS says Conflict.
      if (isIvsError(error, 'ConflictException')) await refuseWhileInUse(region, input.arn);
      // Already gone (a repeat of a delete that worked): the outcome the user asked for.
      if (!isIvsError(error, 'ResourceNotFoundException')) throw error;
    }
    invalidateReferenceNames(region);
    return { arn: input.arn };
  },
});
