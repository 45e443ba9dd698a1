import { describe, expect, it } from 'vitest';
import {
  ConflictException,
  CreateChannelCommand,
  GetChannelCommand,
  InternalServerException,
  IvsServiceException,
  ListChannelsCommand,
  ListStreamsCommand,
  PutMetadataCommand,
  ServiceQuotaExceededException,
  StopStreamCommand,
  StreamUnavailable,
  ThrottlingException,
} from '@aws-sdk/client-ivs';
import { createEmulator } from '../index';
import { Control, ivsClient, rejects, setupEmulator } from './helpers';

const env = setupEmulator();

describe('fault injection (control API)', () => {
  it('fails the next `count` calls of the operation with the given error', async () => {
    const arn = (await env.ivs.send(new CreateChannelCommand({}))).channel!.arn!;
    await env.control.injectFault('GetChannel', 'InternalServerException', 2);
    const first = await rejects(env.ivs.send(new GetChannelCommand({ arn })), InternalServerException, 500);
    expect(first.$fault).toBe('server');
    await rejects(env.ivs.send(new GetChannelCommand({ arn })), InternalServerException, 500);
    expect((await env.ivs.send(new GetChannelCommand({ arn }))).channel?.arn).toBe(arn);
  });

  it('only affects the named operation', async () => {
    await env.control.injectFault('ListChannels', 'InternalServerException', 1);
    await env.ivs.send(new CreateChannelCommand({}));
    await rejects(env.ivs.send(new ListChannelsCommand({})), InternalServerException, 500);
    await env.ivs.send(new ListChannelsCommand({}));
  });

  it.each([
    ['CreateChannel', 'ServiceQuotaExceededException', ServiceQuotaExceededException, 402],
    ['CreateChannel', 'ConflictException', ConflictException, 409],
    ['ListChannels', 'ThrottlingException', ThrottlingException, 429],
  ] as const)('raises %s → %s as the SDK type', async (operation, error, type, status) => {
    await env.control.injectFault(operation, error, 1);
    const call = operation === 'CreateChannel' ? env.ivs.send(new CreateChannelCommand({})) : env.ivs.send(new ListChannelsCommand({}));
    await rejects<IvsServiceException>(call, type, status);
  });

  it('raises StreamUnavailable (503) on StopStream', async () => {
    const arn = (await env.ivs.send(new CreateChannelCommand({}))).channel!.arn!;
    await env.control.startStream(arn);
    await env.control.injectFault('StopStream', 'StreamUnavailable', 1);
    await rejects(env.ivs.send(new StopStreamCommand({ channelArn: arn })), StreamUnavailable, 503);
    await env.ivs.send(new StopStreamCommand({ channelArn: arn }));
  });

  it('DELETE /_emulator/faults clears pending faults', async () => {
    await env.control.injectFault('ListChannels', 'InternalServerException', 5);
    await env.control.clearFaults();
    await env.ivs.send(new ListChannelsCommand({}));
  });

  it("DELETE /_emulator/faults?operation= clears only that operation, leaving other tests' faults queued", async () => {
    await env.control.injectFault('ListChannels', 'InternalServerException', 1);
    await env.control.injectFault('ListStreams', 'InternalServerException', 1);
    await env.control.clearFaults('ListStreams');
    await env.ivs.send(new ListStreamsCommand({}));
    await rejects(env.ivs.send(new ListChannelsCommand({})), InternalServerException, 500);
  });
});

describe('faultRate', () => {
  it('1 answers every IVS call with a retryable 429/500/503 error, the control API keeps working', async () => {
    const emulator = await createEmulator({ port: 0, quiet: true, faultRate: 1 });
    const ivs = ivsClient(emulator.url);
    try {
      for (let i = 0; i < 20; i++) {
        const err = await rejects<IvsServiceException>(ivs.send(new ListChannelsCommand({})), IvsServiceException);
        expect([429, 500, 503]).toContain(err.$metadata.httpStatusCode);
      }
      expect((await new Control(emulator.url).call('GET', 'health')).status).toBe(200);
    } finally {
      ivs.destroy();
      await emulator.close();
    }
  });
});

describe('request rate quotas', () => {
  const burst = (send: () => Promise<unknown>, n: number) => Promise.allSettled(Array.from({ length: n }, send));

  it('are not enforced by default', async () => {
    const arn = (await env.ivs.send(new CreateChannelCommand({}))).channel!.arn!;
    const results = await burst(() => env.ivs.send(new GetChannelCommand({ arn })), 200);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  });

  it('throttle a burst above the TPS with ThrottlingException (429) under enforceQuotas', async () => {
    const emulator = await createEmulator({ port: 0, quiet: true, enforceQuotas: true });
    const ivs = ivsClient(emulator.url);
    try {
      const arn = (await ivs.send(new CreateChannelCommand({}))).channel!.arn!;
      const results = await burst(() => ivs.send(new GetChannelCommand({ arn })), 200);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected.length).toBeLessThan(results.length);
      for (const err of rejected) {
        expect(err).toBeInstanceOf(ThrottlingException);
        expect(err.$metadata.httpStatusCode).toBe(429);
      }
      // Counted per operation for load tests (the SDK retries a throttled call, so its caller never sees it).
      const control = new Control(emulator.url);
      expect(await control.throttled()).toEqual({ GetChannel: rejected.length });
      await control.resetRequests();
      expect(await control.throttled()).toEqual({});

      // PutMetadata: documented at 5 requests per second per channel.
      await new Promise((r) => setTimeout(r, 1100));
      await new Control(emulator.url).startStream(arn);
      const meta = await burst(() => ivs.send(new PutMetadataCommand({ channelArn: arn, metadata: 'm' })), 12);
      const accepted = meta.filter((r) => r.status === 'fulfilled').length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThanOrEqual(5);
      for (const r of meta) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ThrottlingException);
    } finally {
      ivs.destroy();
      await emulator.close();
    }
  });
});
