import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { DEFAULT_CHANNEL_SETTINGS } from '@/lib/ivs/schemas/channel';

// lib/ivs's clients are the emulator's: one that retries as the console's shared client does, and
// one that never retries (for creates).
const clients = vi.hoisted(() => ({ retrying: null as unknown, once: null as unknown }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => clients.retrying, ivsClientNoRetry: () => clients.once }));

const { createChannel } = await import('@/lib/ivs/channels');
const { REQUEST_TAG } = await import('@/lib/ivs/create-adopting');
const REGION = 'us-west-2';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let emulator: RunningEmulator;
let retrying: IvsClient;
let once: IvsClient;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  clients.retrying = retrying = new IvsClient({ endpoint: emulator.url, region: REGION, credentials, maxAttempts: 3 });
  clients.once = once = new IvsClient({ endpoint: emulator.url, region: REGION, credentials, maxAttempts: 1 });
});
afterAll(async () => {
  retrying?.destroy();
  once?.destroy();
  await emulator?.close();
});

const named = async (name: string) =>
  (await retrying.send(new ListChannelsCommand({ filterByName: name }))).channels?.filter((c) => c.name === name) ?? [];

async function faultAfter(name: string, error: string) {
  const body = { operation: 'CreateChannel', error, count: 1, resourceName: name, when: 'after' };
  const res = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok).toBe(true);
}

const input = (name: string) => ({ ...DEFAULT_CHANNEL_SETTINGS, name, tags: [{ key: 'team', value: 'live' }] });

describe('createChannel when IVS applies the create but its answer is lost', () => {
  it('without a request id the SDK retries and there are two channels (the defect)', async () => {
    await faultAfter('lost-plain', 'InternalServerException');
    await createChannel(REGION, input('lost-plain'));
    expect(await named('lost-plain')).toHaveLength(2);
  });

  for (const error of ['InternalServerException', 'DropConnection']) {
    it(`with a request id it adopts the channel it made (${error}): one channel, tagged with the request`, async () => {
      const name = `lost-${error.toLowerCase()}`;
      const requestId = randomUUID();
      await faultAfter(name, error);
      const created = await createChannel(REGION, input(name), requestId);
      const channels = await named(name);
      expect(channels).toHaveLength(1);
      expect(created.arn).toBe(channels[0].arn);
      expect(channels[0].tags).toMatchObject({ team: 'live', [REQUEST_TAG]: requestId });
    });
  }

  it('a nameless channel is found by its request tag among all channels', async () => {
    const requestId = randomUUID();
    const body = { operation: 'CreateChannel', error: 'InternalServerException', count: 1, when: 'after' };
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    const before = (await retrying.send(new ListChannelsCommand({}))).channels?.length ?? 0;
    const created = await createChannel(REGION, input(''), requestId);
    const all = (await retrying.send(new ListChannelsCommand({}))).channels ?? [];
    expect(all).toHaveLength(before + 1);
    expect(all.find((c) => c.arn === created.arn)?.tags?.[REQUEST_TAG]).toBe(requestId);
  });
});
