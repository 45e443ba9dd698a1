'use server';

import { z } from 'zod';
import { ActionError, defineAction } from '@/lib/auth/action';
import * as channels from '@/lib/ivs/channels';
import { isIvsError } from '@/lib/ivs/errors';
import { channelIdSchema, createChannelRequestSchema, putMetadataSchema, updateChannelSchema } from '@/lib/ivs/schemas/channel';
import { createOnce } from '@/lib/auth/create-once';
import * as streams from '@/lib/ivs/streams';
import { insertAdBreak } from '@/lib/ivs/ad-configurations';
import { insertAdBreakSchema } from '@/lib/ivs/schemas/ad-break';

// Channel mutations. Each takes the short channel id, rebuilds the ARN on the server and re-reads
// state from IVS; refusals IVS would answer with a bare ConflictException get a message that says
// what to do.

async function arnFor(region: string, id: string): Promise<string> {
  const arn = await channels.channelArn(region, id);
  if (!arn) throw new ActionError('This channel no longer exists in this region.', 'ResourceNotFoundException');
  return arn;
}

const LIVE_MESSAGE = 'The channel is live, and IVS does not change or delete a live channel. Stop the stream first.';

export const createChannelAction = defineAction({
  name: 'channel.create',
  role: 'operator',
  input: createChannelRequestSchema,
  // One channel per form submit, however often it arrives or IVS's answer is lost.
  run: ({ input: { requestId, ...settings }, region, user }) =>
    createOnce(
      { requestId, kind: 'channel.create', region, user: user.email, input: settings },
      {
        create: () => channels.createChannel(region, settings, requestId),
        recover: () => channels.channelCreatedBy(region, settings, requestId),
      },
    ),
  resource: (_input, data) => data?.arn,
});

export const updateChannelAction = defineAction({
  name: 'channel.update',
  role: 'operator',
  input: updateChannelSchema,
  run: async ({ input, region }) => {
    const { id, ...settings } = input;
    const arn = await arnFor(region, id);
    try {
      await channels.updateChannel(region, arn, settings);
    } catch (error) {
      if (isIvsError(error, 'ConflictException') && (await streams.getStream(region, arn)))
        throw new ActionError(LIVE_MESSAGE, 'ChannelLive');
      throw error;
    }
    return { arn, id };
  },
  resource: (_input, data) => data?.arn,
});

export const deleteChannelAction = defineAction({
  name: 'channel.delete',
  role: 'admin',
  input: z.object({ id: channelIdSchema }),
  run: async ({ input, region }) => {
    const arn = await arnFor(region, input.id);
    try {
      await channels.deleteChannel(region, arn);
      return { arn, alreadyGone: false };
    } catch (error) {
      // Someone else deleted it first: the outcome the user asked for, said plainly.
      if (isIvsError(error, 'ResourceNotFoundException')) return { arn, alreadyGone: true };
      if (isIvsError(error, 'ConflictException') && (await streams.getStream(region, arn)))
        throw new ActionError(LIVE_MESSAGE, 'ChannelLive');
      throw error;
    } finally {
      streams.invalidateLiveSnapshot(region);
    }
  },
  resource: (_input, data) => data?.arn,
});

/** StopStream; with `wait`, also waits until IVS reports the channel offline (before an edit or delete). */
export const stopStreamAction = defineAction({
  name: 'stream.stop',
  role: 'operator',
  input: z.object({ id: channelIdSchema, wait: z.boolean().default(false) }),
  run: async ({ input, region }) => {
    const arn = await arnFor(region, input.id);
    if (input.wait) {
      const offline = await streams.stopStreamAndWait(region, arn);
      if (!offline)
        throw new ActionError(
          'IVS stopped the stream, but the channel still reports live after 20 seconds. The encoder may have reconnected: try again, or rotate the stream key.',
          'StillLive',
        );
      return { arn, offline };
    }
    try {
      await streams.stopStream(region, arn);
    } catch (error) {
      if (isIvsError(error, 'ChannelNotBroadcasting'))
        throw new ActionError('The stream had already ended: the channel is not live.', 'ChannelNotBroadcasting');
      throw error;
    }
    return { arn, offline: false };
  },
  resource: (_input, data) => data?.arn,
});

export const putMetadataAction = defineAction({
  name: 'stream.put-metadata',
  role: 'operator',
  input: putMetadataSchema,
  run: async ({ input, region }) => {
    const arn = await arnFor(region, input.id);
    try {
      await streams.putMetadata(region, arn, input.metadata);
    } catch (error) {
      if (isIvsError(error, 'ChannelNotBroadcasting'))
        throw new ActionError('The channel is not live: timed metadata can only be sent during a stream.', 'ChannelNotBroadcasting');
      throw error;
    }
    return { arn, bytes: new TextEncoder().encode(input.metadata).length };
  },
  resource: (_input, data) => data?.arn,
});

const NO_ADS_MESSAGE =
  'This channel has no ad configuration. Choose one in the channel settings (while it is offline), then insert ad breaks.';
const OFFLINE_AD_MESSAGE = 'The channel is not live: ad breaks can only be inserted during a stream.';

export const insertAdBreakAction = defineAction({
  name: 'stream.insert-ad-break',
  role: 'operator',
  input: insertAdBreakSchema,
  // One break per confirmation, however often it arrives: a second break is a second ad for every viewer.
  run: async ({ input: { requestId, id, durationSeconds }, region, user }) => {
    const channel = await channels.getChannel(region, id);
    if (!channel) throw new ActionError('This channel no longer exists in this region.', 'ResourceNotFoundException');
    if (!channel.adConfigurationArn) throw new ActionError(NO_ADS_MESSAGE, 'NoAdConfiguration');
    return createOnce(
      { requestId, kind: 'stream.insert-ad-break', region, user: user.email, input: { id, durationSeconds } },
      {
        create: async () => {
          try {
            return { arn: channel.arn, durationSeconds, adBreakId: await insertAdBreak(region, channel.arn, durationSeconds) };
          } catch (error) {
            if (isIvsError(error, 'ChannelNotBroadcasting')) throw new ActionError(OFFLINE_AD_MESSAGE, 'ChannelNotBroadcasting');
            if (isIvsError(error, 'ConflictException')) throw new ActionError(NO_ADS_MESSAGE, 'NoAdConfiguration');
            throw error;
          }
        },
        // IVS keeps no list of ad breaks to look the lost one up in; inserting again could run two.
        recover: async () => {
          throw new ActionError(
            'The earlier ad break may or may not have started (its answer was lost). Check the stream before inserting another.',
            'OutcomeUnknown',
          );
        },
      },
    );
  },
  resource: (_input, data) => data?.arn,
});
