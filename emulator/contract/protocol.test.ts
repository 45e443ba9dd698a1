import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sdk from '@aws-sdk/client-ivs';
import {
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  GetChannelCommand,
  ImportPlaybackKeyPairCommand,
  InsertAdBreakCommand,
  IvsClient,
  IvsServiceException,
  ListChannelsCommand,
  PutMetadataCommand,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, CREDENTIALS, REGION, arnPattern, messageOf, rejects, setupEmulator } from './helpers';

const env = setupEmulator();

describe('authentication (SigV4)', () => {
  it('refuses an unsigned request with 403', async () => {
    const res = await fetch(`${env.url}/ListChannels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBeTruthy();
  });

  it('refuses a wrong secret with 403 InvalidSignatureException', async () => {
    const bad = env.client({ credentials: { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: 'wrong-secret' } });
    const err = await rejects(bad.send(new ListChannelsCommand({})), IvsServiceException, 403);
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/signature/i); // in `message`, as AWS's front door sends it, not exceptionMessage
  });

  it('refuses an unknown access key with 403 UnrecognizedClientException and its reason', async () => {
    const bad = env.client({ credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: CREDENTIALS.secretAccessKey } });
    const err = await rejects(bad.send(new ListChannelsCommand({})), IvsServiceException, 403);
    expect(err.name).toBe('UnrecognizedClientException');
    expect(err.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a signature older than the 5-minute SigV4 window with 403', async () => {
    const stale = new IvsClient({
      endpoint: env.url,
      region: REGION,
      credentials: CREDENTIALS,
      maxAttempts: 1,
      systemClockOffset: -60 * 60 * 1000,
    });
    try {
      await rejects(stale.send(new ListChannelsCommand({})), IvsServiceException, 403);
    } finally {
      stale.destroy();
    }
  });
});

describe('errors', () => {
  it('carry the type in x-amzn-ErrorType and the text in exceptionMessage', async () => {
    const err = await rejects(
      env.ivs.send(new GetChannelCommand({ arn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh` })),
      ResourceNotFoundException,
      404,
    );
    expect(err.xAmznErrorType).toMatch(/^ResourceNotFoundException/);
    expect(err.exceptionMessage).toBeTruthy();
    expect(err.$fault).toBe('client');
  });

  it('refuse a missing required member with ValidationException naming it', async () => {
    const err = await rejects(env.ivs.send(new GetChannelCommand({} as never)), ValidationException, 400);
    expect(messageOf(err)).toMatch(/arn/);
    await rejects(env.ivs.send(new ImportPlaybackKeyPairCommand({} as never)), ValidationException, 400);
    await rejects(env.ivs.send(new CreateRecordingConfigurationCommand({} as never)), ValidationException, 400);
    await rejects(
      env.ivs.send(new PutMetadataCommand({ channelArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh` } as never)),
      ValidationException,
      400,
    );
    await rejects(
      env.ivs.send(new InsertAdBreakCommand({ channelArn: `arn:aws:ivs:${REGION}:${ACCOUNT}:channel/abcdABCDefgh` } as never)),
      ValidationException,
      400,
    );
  });

  it('refuse a body that is not JSON with 400', async () => {
    const bad = env.client();
    bad.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { body: string }).body = '{not json';
        return next(args);
      },
      { step: 'build', name: 'corruptBody' },
    );
    await rejects(bad.send(new ListChannelsCommand({})), IvsServiceException, 400);
  });
});

describe('paging', () => {
  it('ListChannels defaults to 100 per page and walks every page with nextToken', async () => {
    await env.control.reset();
    const created = await Promise.all(Array.from({ length: 105 }, (_, i) => env.ivs.send(new CreateChannelCommand({ name: `c${i}` }))));
    const first = await env.ivs.send(new ListChannelsCommand({}));
    expect(first.channels).toHaveLength(100);
    expect(first.nextToken).toMatch(/^[a-zA-Z0-9+/=_-]{1,1024}$/);
    const second = await env.ivs.send(new ListChannelsCommand({ nextToken: first.nextToken }));
    expect(second.channels).toHaveLength(5);
    expect(second.nextToken ?? '').toBe('');
    const listed = [...first.channels!, ...second.channels!].map((c) => c.arn).sort();
    expect(listed).toEqual(created.map((c) => c.channel!.arn).sort());
  });

  it('refuses nextToken values that break the pattern or were never issued', async () => {
    await rejects(env.ivs.send(new ListChannelsCommand({ nextToken: 'has spaces!' })), ValidationException, 400);
    await rejects(env.ivs.send(new ListChannelsCommand({ nextToken: 'x'.repeat(1025) })), ValidationException, 400);
    await rejects(env.ivs.send(new ListChannelsCommand({ nextToken: 'Zm9yZ2VkLXRva2Vu' })), ValidationException, 400);
  });
});

describe('regions', () => {
  it('keep separate state, chosen by the SigV4 scope', async () => {
    const east = env.client({ region: 'us-east-1' });
    const west = (await env.ivs.send(new CreateChannelCommand({ name: 'west-only' }))).channel!;
    const eastOut = await east.send(new CreateChannelCommand({ name: 'east-only' }));
    expect(eastOut.channel!.arn).toMatch(arnPattern('channel', 'us-east-1'));
    expect(eastOut.streamKey!.value).toMatch(/^sk_us-east-1_/);
    expect(eastOut.channel!.playbackUrl).toContain('.us-east-1.playback.live-video.net/');
    expect((await east.send(new ListChannelsCommand({}))).channels!.map((c) => c.name)).toEqual(['east-only']);
    expect((await env.ivs.send(new ListChannelsCommand({ filterByName: 'east-only' }))).channels).toEqual([]);
    await rejects(east.send(new GetChannelCommand({ arn: west.arn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new GetChannelCommand({ arn: eastOut.channel!.arn })), ResourceNotFoundException, 404);
  });
});

describe('control API', () => {
  it('reports health', async () => {
    expect((await env.control.call('GET', 'health')).status).toBe(200);
  });

  it('counts calls per IVS operation and resets the counts', async () => {
    const arn = (await env.ivs.send(new CreateChannelCommand({}))).channel!.arn!;
    await env.control.resetRequests();
    expect(await env.control.requests()).toEqual({});
    for (let i = 0; i < 3; i++) await env.ivs.send(new GetChannelCommand({ arn }));
    await env.ivs.send(new ListChannelsCommand({}));
    expect(await env.control.requests()).toEqual({ GetChannel: 3, ListChannels: 1 });
  });
});

describe('coverage of this suite', () => {
  it('drives every one of the 41 IVS operations somewhere', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const text = readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const commands = Object.keys(sdk).filter((k) => /^[A-Z]\w+Command$/.test(k));
    expect(commands).toHaveLength(41);
    expect(commands.filter((c) => !text.includes(`new ${c}(`))).toEqual([]);
  });
});
