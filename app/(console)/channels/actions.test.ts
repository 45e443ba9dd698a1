import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerIvs, as, ivsError, harness as h } from '@/test/action-harness';
import { DEFAULT_CHANNEL_SETTINGS } from '@/lib/ivs/schemas/channel';

const { createChannelAction, deleteChannelAction, putMetadataAction, stopStreamAction, updateChannelAction } = await import('./actions');

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGh1234';

// ListChannels (account discovery) answers with one channel; other calls as configured per test.
const fakeIvs = (handlers: Record<string, () => unknown>) => answerIvs({ ListChannels: () => ({ channels: [{ arn: ARN }] }), ...handlers });

beforeEach(() => {
  vi.clearAllMocks();
  h.send.mockReset();
});

describe('channel actions', () => {
  it('refuse a viewer every mutation before any IVS call', async () => {
    as('viewer');
    const results = await Promise.all([
      createChannelAction({ ...DEFAULT_CHANNEL_SETTINGS, tags: [], requestId: randomUUID() }),
      updateChannelAction({ ...DEFAULT_CHANNEL_SETTINGS, id: 'AbCdEfGh1234' }),
      deleteChannelAction({ id: 'AbCdEfGh1234' }),
      stopStreamAction({ id: 'AbCdEfGh1234' }),
      putMetadataAction({ id: 'AbCdEfGh1234', metadata: 'x' }),
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('refuse delete to an operator (admin only)', async () => {
    as('operator');
    expect(await deleteChannelAction({ id: 'AbCdEfGh1234' })).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('return field errors for invalid input without calling IVS', async () => {
    as('operator');
    const r = await createChannelAction({
      ...DEFAULT_CHANNEL_SETTINGS,
      name: 'bad name',
      preset: 'HIGHER_BANDWIDTH_DELIVERY',
      tags: [],
      requestId: randomUUID(),
    });
    expect(r).toMatchObject({ ok: false, code: 'ValidationError', fieldErrors: { name: expect.any(Array), preset: expect.any(Array) } });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('explain a live channel when IVS refuses an update with ConflictException', async () => {
    as('operator');
    fakeIvs({
      UpdateChannel: () => Promise.reject(ivsError('ConflictException')),
      GetStream: () => ({ stream: { channelArn: ARN, state: 'LIVE' } }),
    });
    const r = await updateChannelAction({ ...DEFAULT_CHANNEL_SETTINGS, id: 'AbCdEfGh1234' });
    expect(r).toMatchObject({ ok: false, code: 'ChannelLive', error: expect.stringMatching(/live.*Stop the stream/) });
  });

  it('treat a channel already deleted as done, and say so', async () => {
    as('admin');
    fakeIvs({ DeleteChannel: () => Promise.reject(ivsError('ResourceNotFoundException')) });
    expect(await deleteChannelAction({ id: 'AbCdEfGh1234' })).toEqual({ ok: true, data: { arn: ARN, alreadyGone: true } });
  });

  it('say the channel is not live when PutMetadata answers ChannelNotBroadcasting', async () => {
    as('operator');
    fakeIvs({ PutMetadata: () => Promise.reject(ivsError('ChannelNotBroadcasting')) });
    expect(await putMetadataAction({ id: 'AbCdEfGh1234', metadata: '{"a":1}' })).toMatchObject({
      ok: false,
      code: 'ChannelNotBroadcasting',
      error: expect.stringMatching(/not live/),
    });
  });

  it('stop and wait polls GetStream until the channel is offline', async () => {
    as('operator');
    let polls = 0;
    fakeIvs({
      StopStream: () => ({}),
      GetStream: () => (++polls < 2 ? { stream: { channelArn: ARN } } : Promise.reject(ivsError('ChannelNotBroadcasting'))),
    });
    expect(await stopStreamAction({ id: 'AbCdEfGh1234', wait: true })).toEqual({ ok: true, data: { arn: ARN, offline: true } });
    expect(polls).toBe(2);
  });
});
