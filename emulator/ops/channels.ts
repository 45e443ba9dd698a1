import type { CreateChannelRequest, ListChannelsRequest, UpdateChannelRequest } from '@aws-sdk/client-ivs';
import { conflict, quotaExceeded } from '../errors';
import { QUOTA } from '../service-quotas/catalogue';
import { ingestEndpoint, makeArn, playbackUrl, resourceId, srtEndpoint, srtPassphrase } from '../ids';
import { project } from '../model';
import type { ChannelRec } from '../records';
import { applyChannelConfig, DEFAULT_CONFIG } from './channel-config';
import { mustGet, type HandlerTable, type OpContext } from './context';
import { paginate } from './paging';
import { createStreamKey, keysOfChannel } from './stream-keys';
import { checkNewTags } from './tag-rules';

// Builds and stores a channel with IVS's defaults and endpoint formats.
export function createChannel(ctx: OpContext, input: CreateChannelRequest): ChannelRec {
  const config = applyChannelConfig(ctx, DEFAULT_CONFIG, input);
  const max = ctx.limit?.(QUOTA.channels);
  if (max !== undefined && ctx.state.channels.size >= max) {
    throw quotaExceeded(`You can create at most ${max} channels in ${ctx.region}; request a quota increase for more.`);
  }
  const id = resourceId();
  const channel: ChannelRec = {
    arn: makeArn(ctx.region, ctx.accountId, 'channel', id),
    ...config,
    ingestEndpoint: ingestEndpoint(ctx.state.prefix),
    playbackUrl: playbackUrl(ctx.state.prefix, ctx.region, ctx.accountId, id),
    srt: { endpoint: srtEndpoint(ctx.state.prefix), passphrase: srtPassphrase() },
    tags: checkNewTags({}, input.tags),
  };
  ctx.state.channels.set(channel);
  return channel;
}

const FILTERS = [
  'filterByName',
  'filterByRecordingConfigurationArn',
  'filterByPlaybackRestrictionPolicyArn',
  'filterByAdConfigurationArn',
] as const;

function filterChannels(ctx: OpContext, input: ListChannelsRequest): ChannelRec[] {
  const used = FILTERS.filter((f) => input[f] !== undefined && input[f] !== '');
  if (used.length > 1) throw conflict(`Only one filter can be used at a time; got ${used.join(' and ')}.`);
  const all = ctx.state.channels.list();
  switch (used[0]) {
    case 'filterByName':
      return all.filter((c) => c.name.includes(input.filterByName!));
    case 'filterByRecordingConfigurationArn':
      return all.filter((c) => c.recordingConfigurationArn === input.filterByRecordingConfigurationArn);
    case 'filterByPlaybackRestrictionPolicyArn':
      return all.filter((c) => c.playbackRestrictionPolicyArn === input.filterByPlaybackRestrictionPolicyArn);
    case 'filterByAdConfigurationArn':
      return all.filter((c) => c.adConfigurationArn === input.filterByAdConfigurationArn);
    default:
      return all;
  }
}

export const channelOps: HandlerTable = {
  CreateChannel(ctx, input: CreateChannelRequest) {
    const channel = createChannel(ctx, input);
    const key = createStreamKey(ctx, channel.arn);
    ctx.store.changed();
    return { channel: project(channel, 'Channel'), streamKey: project(key, 'StreamKey') };
  },

  GetChannel(ctx, input: { arn: string }) {
    return { channel: project(mustGet(ctx.state.channels, input.arn), 'Channel') };
  },

  BatchGetChannel(ctx, input: { arns: string[] }) {
    const channels: unknown[] = [];
    const errors: unknown[] = [];
    for (const arn of new Set(input.arns)) {
      const channel = ctx.state.channels.get(arn);
      if (channel) channels.push(project(channel, 'Channel'));
      else errors.push({ arn, code: 'ResourceNotFoundException', message: `Resource: ${arn} not found` });
    }
    return { channels, errors };
  },

  ListChannels(ctx, input: ListChannelsRequest) {
    const page = paginate(filterChannels(ctx, input), 'ListChannels', input, 100);
    return { channels: page.items.map((c) => project(c, 'ChannelSummary')), nextToken: page.nextToken };
  },

  UpdateChannel(ctx, input: UpdateChannelRequest) {
    const channel = mustGet(ctx.state.channels, input.arn!);
    if (ctx.state.live.has(channel.arn)) {
      throw conflict(`Channel ${channel.arn} is live and cannot be updated. Stop the stream, update the channel, then restart.`);
    }
    Object.assign(channel, applyChannelConfig(ctx, channel, input));
    ctx.store.changed();
    return { channel: project(channel, 'Channel') };
  },

  DeleteChannel(ctx, input: { arn: string }) {
    const channel = mustGet(ctx.state.channels, input.arn);
    if (ctx.state.live.has(channel.arn)) {
      throw conflict(`Channel ${channel.arn} is live. Stop the stream and wait for it to end before deleting the channel.`);
    }
    for (const key of keysOfChannel(ctx, channel.arn)) ctx.state.streamKeys.delete(key.arn);
    ctx.state.sessions.delete(channel.arn);
    ctx.state.channels.delete(channel.arn);
    ctx.store.changed();
  },
};
