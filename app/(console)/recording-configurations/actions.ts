'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import { isIvsError } from '@/lib/ivs/errors';
import { inUseMessage, listChannelsUsing } from '@/lib/ivs/channel-references';
import {
  createRecordingConfiguration,
  deleteRecordingConfiguration,
  recordingConfigurationCreatedBy,
} from '@/lib/ivs/recording-configurations';
import { createOnce } from '@/lib/auth/create-once';
import { invalidateReferenceNames } from '@/lib/ivs/reference-names';
import { createRecordingConfigurationRequestSchema, recordingConfigurationRefSchema } from '@/lib/ivs/schemas/recording-configuration';

// What the ledger keeps and the page needs of a created resource.
const refTo = ({ arn, id }: { arn: string; id: string }) => ({ arn, id });

export const createRecordingConfigurationAction = defineAction({
  name: 'recording-configuration.create',
  role: 'operator',
  input: createRecordingConfigurationRequestSchema,
  resource: (_input, data?: { arn: string; id: string }) => data?.arn,
  // One configuration per form submit, however often it arrives or IVS's answer is lost.
  run: async ({ input: { requestId, ...settings }, region, user }) => {
    const created = await createOnce(
      { requestId, kind: 'recording-configuration.create', region, user: user.email, input: settings },
      {
        create: async () => refTo(await createRecordingConfiguration(region, settings, requestId)),
        recover: async () => {
          const made = await recordingConfigurationCreatedBy(region, settings, requestId);
          return made && refTo(made);
        },
      },
    );
    invalidateReferenceNames(region); // the channel pages' pickers and filter offer it at once
    return created;
  },
});

// Re-checks usage on the server (the page may be stale) and names the channels in the refusal.
async function refuseWhileInUse(region: string, arn: string): Promise<void> {
  const channels = await listChannelsUsing(region, { filterByRecordingConfigurationArn: arn });
  if (channels.items.length) throw new ActionError(inUseMessage('recording configuration', channels), 'InUse');
}

export const deleteRecordingConfigurationAction = defineAction({
  name: 'recording-configuration.delete',
  role: 'admin',
  input: recordingConfigurationRefSchema,
  resource: (input) => input.arn,
  run: async ({ input, region }) => {
    await refuseWhileInUse(region, input.arn);
    try {
      await deleteRecordingConfiguration(region, input.arn);
    } catch (error) {
      // A channel was attached between our check and the delete: IVS says Conflict.
      if (isIvsError(error, 'ConflictException')) await refuseWhileInUse(region, input.arn);
      throw error;
    }
    invalidateReferenceNames(region);
    return { arn: input.arn };
  },
});
