import { makeArn, resourceId, streamKeyValue } from '../ids';
import { project } from '../model';
import { quotaExceeded } from '../errors';
import { QUOTA } from '../service-quotas/catalogue';
import type { StreamKeyRec, Tags } from '../records';
import { mustGet, type HandlerTable, type OpContext } from './context';
import { paginate } from './paging';
import { checkNewTags } from './tag-rules';

export const STREAM_KEYS_PER_CHANNEL = 1;

export function keysOfChannel(ctx: OpContext, channelArn: string): StreamKeyRec[] {
  return ctx.state.streamKeys.list().filter((k) => k.channelArn === channelArn);
}

// Creates a key for a channel, honouring IVS's one-key-per-channel quota.
export function createStreamKey(ctx: OpContext, channelArn: string, tags?: Tags): StreamKeyRec {
  const max = ctx.limit?.(QUOTA.streamKeysPerChannel) ?? STREAM_KEYS_PER_CHANNEL;
  if (keysOfChannel(ctx, channelArn).length >= max) {
    throw quotaExceeded(
      max === 1
        ? `Channel ${channelArn} already has a stream key; the limit is 1 per channel. Delete it first to rotate.`
        : `Channel ${channelArn} already has ${max} stream keys; the limit is ${max} per channel. Delete one first.`,
    );
  }
  const id = resourceId();
  const key: StreamKeyRec = {
    arn: makeArn(ctx.region, ctx.accountId, 'stream-key', id),
    value: streamKeyValue(ctx.region, id),
    channelArn,
    tags: checkNewTags({}, tags),
  };
  ctx.state.streamKeys.set(key);
  return key;
}

export const streamKeyOps: HandlerTable = {
  CreateStreamKey(ctx, input: { channelArn: string; tags?: Tags }) {
    mustGet(ctx.state.channels, input.channelArn);
    const key = createStreamKey(ctx, input.channelArn, input.tags);
    ctx.store.changed();
    return { streamKey: project(key, 'StreamKey') };
  },

  GetStreamKey(ctx, input: { arn: string }) {
    return { streamKey: project(mustGet(ctx.state.streamKeys, input.arn), 'StreamKey') };
  },

  BatchGetStreamKey(ctx, input: { arns: string[] }) {
    const streamKeys: unknown[] = [];
    const errors: unknown[] = [];
    for (const arn of new Set(input.arns)) {
      const key = ctx.state.streamKeys.get(arn);
      if (key) streamKeys.push(project(key, 'StreamKey'));
      else errors.push({ arn, code: 'ResourceNotFoundException', message: `Resource: ${arn} not found` });
    }
    return { streamKeys, errors };
  },

  ListStreamKeys(ctx, input: { channelArn: string; nextToken?: string; maxResults?: number }) {
    mustGet(ctx.state.channels, input.channelArn);
    const page = paginate(keysOfChannel(ctx, input.channelArn), 'ListStreamKeys', input, 1);
    return { streamKeys: page.items.map((k) => project(k, 'StreamKeySummary')), nextToken: page.nextToken };
  },

  // Deleting the key of a live channel does not end the stream, as in IVS.
  DeleteStreamKey(ctx, input: { arn: string }) {
    mustGet(ctx.state.streamKeys, input.arn);
    ctx.state.streamKeys.delete(input.arn);
    ctx.store.changed();
  },
};
