import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { DEFAULT_CHANNEL_SETTINGS } from '@/lib/ivs/schemas/channel';

// The channel list's and /live's reads through the real SDK against the emulator, counting the calls
// the emulator received: many viewers, one call; the console's own writes are seen at once.
const clients = vi.hoisted(() => ({ byRegion: new Map<string, unknown>() }));
vi.mock('@/lib/ivs/client', () => ({
  ivsClient: (r: string) => clients.byRegion.get(r),
  ivsClientNoRetry: (r: string) => clients.byRegion.get(r),
}));

const { createChannel, deleteChannel, sharedBatchGetChannels, sharedChannelsPage, updateChannel } = await import('@/lib/ivs/channels');
const { tagResource } = await import('@/lib/ivs/tags');
const { invalidateReads } = await import('@/lib/ivs/read-cache');

const WEST = 'us-west-2';
const EAST = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;

const control = async (route: string, body?: unknown) => {
  const init = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
  return (await fetch(`${emulator.url}/_emulator/${route}`, init)).json();
};
const calls = async (op: string): Promise<number> => ((await control('requests')) as Record<string, number>)[op] ?? 0;
const settings = (name: string) => ({ ...DEFAULT_CHANNEL_SETTINGS, name, tags: [] });

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true, latencyMs: 20 });
  for (const r of [WEST, EAST]) clients.byRegion.set(r, new IvsClient({ endpoint: emulator.url, region: r, credentials, maxAttempts: 3 }));
});
afterAll(async () => {
  for (const c of clients.byRegion.values()) (c as IvsClient).destroy();
  await emulator?.close();
});
beforeEach(async () => {
  await control('reset', {}); // behind the console's back, so its kept reads are emptied by hand
  for (const r of [WEST, EAST]) invalidateReads(r);
});

describe('the channel list page read (sharedChannelsPage)', () => {
  it('50 viewers at once cost one ListChannels call, and views within seconds cost none', async () => {
    await createChannel(WEST, settings('shared-a'));
    await control('requests/reset', {});
    const pages = await Promise.all(Array.from({ length: 50 }, () => sharedChannelsPage(WEST)));
    expect(pages.every((p) => p.channels.map((c) => c.name).join() === 'shared-a')).toBe(true);
    await sharedChannelsPage(WEST);
    expect(await calls('ListChannels')).toBe(1);
  });

  it("shows the console's own create, update, tag and delete on the next read", async () => {
    const { arn } = await createChannel(WEST, settings('before'));
    expect((await sharedChannelsPage(WEST)).channels.map((c) => c.name)).toEqual(['before']);
    await updateChannel(WEST, arn, settings('after'));
    expect((await sharedChannelsPage(WEST)).channels.map((c) => c.name)).toEqual(['after']);
    await tagResource(WEST, arn, { team: 'news' });
    expect((await sharedChannelsPage(WEST)).channels[0].tags).toEqual({ team: 'news' });
    await createChannel(WEST, settings('second'));
    expect((await sharedChannelsPage(WEST)).channels).toHaveLength(2);
    await deleteChannel(WEST, arn);
    expect((await sharedChannelsPage(WEST)).channels.map((c) => c.name)).toEqual(['second']);
    expect(await calls('ListChannels')).toBe(5);
  });

  it('does not keep a failed read: the next viewer asks IVS again', async () => {
    await control('faults', { operation: 'ListChannels', error: 'InternalServerException', count: 3 }); // all 3 SDK attempts
    await expect(sharedChannelsPage(WEST)).rejects.toMatchObject({ name: 'InternalServerException' });
    expect((await sharedChannelsPage(WEST)).channels).toEqual([]);
    expect(await calls('ListChannels')).toBe(4);
  });

  it('regions and filters do not share answers', async () => {
    await createChannel(WEST, settings('west-one'));
    await createChannel(EAST, settings('east-one'));
    const [west, east, filtered] = await Promise.all([
      sharedChannelsPage(WEST),
      sharedChannelsPage(EAST),
      sharedChannelsPage(WEST, { filter: { kind: 'name', value: 'nomatch' } }),
    ]);
    expect(west.channels.map((c) => c.name)).toEqual(['west-one']);
    expect(east.channels.map((c) => c.name)).toEqual(['east-one']);
    expect(filtered.channels).toEqual([]);
  });
});

describe('the /live read (sharedBatchGetChannels)', () => {
  it('50 viewers of the same live channels cost one BatchGetChannel, whatever their order', async () => {
    const a = await createChannel(WEST, settings('live-a'));
    const b = await createChannel(WEST, settings('live-b'));
    await control('requests/reset', {});
    const reads = Array.from({ length: 50 }, (_, i) => sharedBatchGetChannels(WEST, i % 2 ? [a.arn, b.arn] : [b.arn, a.arn]));
    const maps = await Promise.all(reads);
    expect(maps.every((m) => m.get(a.arn)?.name === 'live-a' && m.get(b.arn)?.name === 'live-b')).toBe(true);
    expect(await calls('BatchGetChannel')).toBe(1);
    await updateChannel(WEST, a.arn, settings('renamed'));
    expect((await sharedBatchGetChannels(WEST, [a.arn, b.arn])).get(a.arn)?.name).toBe('renamed');
  });
});
