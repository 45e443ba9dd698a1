import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CreateChannelCommand, GetStreamKeyCommand, IvsClient, ListStreamKeysCommand, TagResourceCommand } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// lib/ivs reaches IVS through ivsClient(region): here, the emulator's client made below.
const client = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => client.current }));

const { createStreamKey, disableIngest, rotateStreamKey } = await import('@/lib/ivs/stream-keys');
const REGION = 'us-west-2';

// The same rotation logic against the local IVS over HTTP with the real SDK, including its faults.
let emulator: RunningEmulator;
let ivs: IvsClient;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  ivs = new IvsClient({
    endpoint: emulator.url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  client.current = ivs;
});
afterAll(async () => {
  ivs?.destroy();
  await emulator?.close();
});

async function channelWithKey() {
  const out = await ivs.send(new CreateChannelCommand({ name: `sk-${Math.random().toString(36).slice(2, 8)}` }));
  return { channelArn: out.channel!.arn!, keyArn: out.streamKey!.arn!, value: out.streamKey!.value! };
}

const keysOf = async (channelArn: string) => (await ivs.send(new ListStreamKeysCommand({ channelArn }))).streamKeys ?? [];

async function fault(operation: string, error: string) {
  const res = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify({ operation, error, count: 1 }),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok).toBe(true);
}

describe('stream keys against the emulator', () => {
  it('rotates a live channel: the old value stops working, the stream is stopped, one new key exists', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    await fetch(`${emulator.url}/_emulator/streams/start`, {
      method: 'POST',
      body: JSON.stringify({ channelArn }),
      headers: { 'content-type': 'application/json' },
    });
    const result = await rotateStreamKey(REGION, { channelArn, expectedKeyArn: keyArn, stopStream: true });
    expect(result).toMatchObject({ outcome: 'rotated', streamStopped: true });
    await expect(ivs.send(new GetStreamKeyCommand({ arn: keyArn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await keysOf(channelArn)).map((k) => k.arn)).toEqual([result.keyArn]);
  });

  it('leaves an explicit NoStreamKey (never a silent keyless channel) when the create fails after the delete', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    await fault('CreateStreamKey', 'AccessDeniedException');
    await expect(rotateStreamKey(REGION, { channelArn, expectedKeyArn: keyArn, stopStream: false })).rejects.toMatchObject({
      code: 'NoStreamKey',
    });
    expect(await keysOf(channelArn)).toHaveLength(0);
    expect((await createStreamKey(REGION, channelArn)).outcome).toBe('created');
    expect(await keysOf(channelArn)).toHaveLength(1);
  });

  it('two operators rotating at once end with exactly one key and one deletion', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    const input = { channelArn, expectedKeyArn: keyArn, stopStream: false };
    const results = await Promise.all([rotateStreamKey(REGION, input), rotateStreamKey(REGION, input)]);
    const keys = await keysOf(channelArn);
    expect(keys).toHaveLength(1);
    expect(results.map((r) => r.keyArn)).toEqual([keys[0].arn, keys[0].arn]);
  });

  it('keeps the old key’s tags on the new key', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    await ivs.send(new TagResourceCommand({ resourceArn: keyArn, tags: { team: 'news', env: 'prod' } }));
    const result = await rotateStreamKey(REGION, { channelArn, expectedKeyArn: keyArn, stopStream: false });
    const [key] = await keysOf(channelArn);
    expect(key.arn).toBe(result.keyArn);
    expect(key.tags).toEqual({ team: 'news', env: 'prod' });
  });

  it('disables and re-enables ingest', async () => {
    const { channelArn, keyArn } = await channelWithKey();
    expect((await disableIngest(REGION, { channelArn, expectedKeyArn: keyArn })).outcome).toBe('disabled');
    expect(await keysOf(channelArn)).toHaveLength(0);
    expect((await createStreamKey(REGION, channelArn)).keyArn).toMatch(/:stream-key\//);
  });
});
