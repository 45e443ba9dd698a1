import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// The route end to end over the real SDK against the emulator; only the session and region are stood in for.
const h = vi.hoisted(() => ({ user: null as null | { email: string; name: string; role: string }, ivs: null as unknown }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => h.user }));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => h.ivs, ivsClientNoRetry: () => h.ivs }));

const { GET } = await import('./route');

let emulator: RunningEmulator;
let ivs: IvsClient;
let channelArn = '';
const idOf = (arn: string) => arn.split('/').pop()!;

const control = async (path: string, body?: unknown) =>
  (
    await fetch(`${emulator.url}/_emulator/${path}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined })
  ).json();

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, quiet: true });
  ivs = new IvsClient({
    endpoint: emulator.url,
    region: 'us-west-2',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  h.ivs = ivs;
  channelArn = (await ivs.send(new CreateChannelCommand({ name: 'listed' }))).channel!.arn!;
});
afterAll(async () => {
  ivs?.destroy();
  await emulator?.close();
});
beforeEach(() => {
  h.user = { email: 'viewer@local', name: 'viewer', role: 'viewer' };
});

const get = (id: string) => GET(new Request(`http://localhost/api/channels/${id}/sessions`), { params: Promise.resolve({ id }) });

describe('GET /api/channels/[id]/sessions', () => {
  it('refuses without a session, before any IVS call', async () => {
    h.user = null;
    await control('requests/reset', {});
    expect((await get(idOf(channelArn))).status).toBe(401);
    expect(await control('requests')).toEqual({});
  });

  it('lists the sessions newest first, the live one without an end, to a viewer, never cached', async () => {
    expect((await (await get(idOf(channelArn))).json()).sessions).toEqual([]);
    const first = await control('streams/start', { channelArn });
    await control('streams/stop', { channelArn });
    const second = await control('streams/start', { channelArn });
    const res = await get(idOf(channelArn));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { sessions } = await res.json();
    expect(sessions.map((s: { streamId: string }) => s.streamId)).toEqual([second.stream.streamId, first.stream.streamId]);
    expect(sessions[0].endTime).toBeNull();
    expect(sessions[1].endTime).toEqual(expect.any(String));
    await control('streams/stop', { channelArn });
  });

  it('answers 400 for a malformed id and 404 for a channel that does not exist', async () => {
    expect((await get('not a channel!')).status).toBe(400);
    expect((await get('abcdABCD0000')).status).toBe(404);
  });
});
