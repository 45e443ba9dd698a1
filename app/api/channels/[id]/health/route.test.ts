import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import type { ChannelHealthDto } from '@/lib/channel-health/types';

// The route end to end over the real SDKs against the emulator; only the session is stood in for.
const h = vi.hoisted(() => ({
  user: null as null | { email: string; name: string; role: string },
  cw: null as unknown,
  ivs: null as unknown,
}));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => h.user }));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => h.cw }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => h.ivs, ivsClientNoRetry: () => h.ivs }));

const { GET } = await import('./route');
const { invalidateReads } = await import('@/lib/ivs/read-cache');
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;
let ivs: IvsClient;
let liveId = '';
let offlineId = '';

const control = async (path: string, body?: unknown) =>
  (
    await fetch(`${emulator.url}/_emulator/${path}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined })
  ).json();

const idOf = (arn: string) => arn.split('/').pop()!;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, quiet: true });
  ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: CREDENTIALS, maxAttempts: 1 });
  h.ivs = ivs;
  h.cw = new CloudWatchClient({ endpoint: emulator.url, region: 'us-west-2', credentials: CREDENTIALS, maxAttempts: 1 });
  const live = (await ivs.send(new CreateChannelCommand({ name: 'health-live', type: 'STANDARD' }))).channel!;
  liveId = idOf(live.arn!);
  offlineId = idOf((await ivs.send(new CreateChannelCommand({ name: 'health-offline' }))).channel!.arn!);
  await control('streams/start', { channelArn: live.arn, startedSecondsAgo: 1200, ingest: { keyframeInterval: 4 } });
  await control('streams/episode', { channelArn: live.arn, kind: 'starve', durationSeconds: 60, startOffsetSeconds: -300 });
});
afterAll(async () => {
  ivs?.destroy();
  (h.cw as CloudWatchClient | null)?.destroy();
  await emulator?.close();
});
beforeEach(async () => {
  h.user = { email: 'viewer@local', name: 'viewer', role: 'viewer' };
  invalidateReads('us-west-2');
  await control('requests/reset', {});
});

const get = (id: string, qs = '') =>
  GET(new Request(`http://localhost/api/channels/${id}/health${qs}`), { params: Promise.resolve({ id }) });

describe('GET /api/channels/[id]/health', () => {
  it('refuses without a session, before any AWS call', async () => {
    h.user = null;
    expect((await get(liveId)).status).toBe(401);
    expect(await control('requests')).toEqual({});
  });

  it('answers a viewer series, starvation, events and findings, with one GetMetricData call', async () => {
    const res = await get(liveId);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as ChannelHealthDto;
    const calls = await control('requests');
    expect(calls.GetMetricData).toBe(1);
    expect(calls).toMatchObject({ GetChannel: 1, ListStreamSessions: 1, GetStreamSession: 1 });
    expect(body.end - body.start).toBe(30 * 60_000);
    expect(body.live).toBe(true);
    expect(body.hasData).toBe(true);
    expect(body.channelType).toBe('STANDARD');
    expect(new Set(body.series.KeyframeInterval!.values)).toEqual(new Set([4]));
    expect(body.shaded).toHaveLength(1);
    expect(body.shaded[0].end! - body.shaded[0].start).toBe(60_000);
    expect(body.markers.map((m) => m.label)).toContain('Stream Start');
    expect(body.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['keyframe-interval', 'starvation']));
  });

  it('says an offline channel has no data in the window, and that a missing channel is missing', async () => {
    const body = (await (await get(offlineId, '?minutes=5')).json()) as ChannelHealthDto;
    expect(body).toMatchObject({ live: false, hasData: false, session: null, findings: [], shaded: [] });
    expect((await get('AbCdEf123456')).status).toBe(404);
  });

  it('takes 5 to 180 minutes and says what is wrong otherwise', async () => {
    for (const qs of ['?minutes=4', '?minutes=181', '?minutes=abc']) {
      const res = await get(liveId, qs);
      expect(res.status).toBe(400);
      expect((await res.json()).fieldErrors.minutes).toMatch(/minutes/);
    }
    expect((await get('not_an-id!')).status).toBe(400);
  });
});
