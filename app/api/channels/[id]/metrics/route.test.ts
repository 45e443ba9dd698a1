import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// The route end to end over the real SDK against the emulator; only the session is stood in for.
const h = vi.hoisted(() => ({ user: null as null | { email: string; name: string; role: string }, cw: null as unknown }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => h.user }));
vi.mock('@/lib/auth/region', () => ({ currentRegion: async () => 'us-west-2' }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => h.cw }));

const { GET } = await import('./route');
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;
let ivs: IvsClient;
let channelId = '';

const control = async (path: string, body?: unknown) =>
  (
    await fetch(`${emulator.url}/_emulator/${path}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined })
  ).json();

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, quiet: true });
  ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: CREDENTIALS, maxAttempts: 1 });
  h.cw = new CloudWatchClient({ endpoint: emulator.url, region: 'us-west-2', credentials: CREDENTIALS, maxAttempts: 1 });
  const { channel } = await ivs.send(new CreateChannelCommand({ name: 'charted' }));
  channelId = channel!.arn!.split('/').pop()!;
  await control('streams/start', { channelArn: channel!.arn, startedSecondsAgo: 3600, viewerCount: 12 });
  await control('streams/episode', {
    channelArn: channel!.arn,
    kind: 'keyframeInterval',
    value: 6,
    durationSeconds: 300,
    startOffsetSeconds: -600,
  });
});
afterAll(async () => {
  ivs?.destroy();
  (h.cw as CloudWatchClient | null)?.destroy();
  await emulator?.close();
});
beforeEach(async () => {
  h.user = { email: 'viewer@local', name: 'viewer', role: 'viewer' };
  await control('requests/reset', {});
});

const get = (id: string, qs = '') =>
  GET(new Request(`http://localhost/api/channels/${id}/metrics${qs}`), { params: Promise.resolve({ id }) });

describe('GET /api/channels/[id]/metrics', () => {
  it('refuses without a session, before any CloudWatch call', async () => {
    h.user = null;
    expect((await get(channelId)).status).toBe(401);
    expect(await control('requests')).toEqual({});
  });

  it('refuses a role it does not know', async () => {
    h.user = { email: 'x@local', name: 'x', role: 'guest' };
    expect((await get(channelId)).status).toBe(403);
  });

  it('answers a viewer the last 30 minutes of every series from one GetMetricData call, uncached', async () => {
    const res = await get(channelId);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(await control('requests')).toEqual({ GetMetricData: 1 });
    expect(body.period).toBe(5);
    expect(body.end - body.start).toBe(30 * 60_000);
    expect(Object.keys(body.series).sort()).toEqual([
      'ConcurrentViews',
      'IngestAudioBitrate',
      'IngestFramerate',
      'IngestVideoBitrate',
      'KeyframeInterval',
    ]);
    const kf = body.series.KeyframeInterval;
    expect(kf.unit).toBe('s');
    expect(kf.values.length).toBeGreaterThan(350);
    expect(kf.timestamps.length).toBe(kf.values.length);
    // The injected episode: 6-second keyframes for five minutes (60 periods, 61 when it does not start
    // on a period boundary, since the period's Maximum is read), 2 s otherwise.
    expect(kf.values.filter((v: number) => v === 6).length).toBeGreaterThanOrEqual(60);
    expect(kf.values.filter((v: number) => v === 6).length).toBeLessThanOrEqual(61);
    expect(new Set(kf.values)).toEqual(new Set([2, 6]));
    expect(new Set(body.series.ConcurrentViews.values)).toEqual(new Set([12]));
  });

  it('takes a window of 5 to 180 minutes and says what is wrong otherwise', async () => {
    const body = await (await get(channelId, '?minutes=180')).json();
    // Its start is just past the 3 hours CloudWatch keeps 1-second data, so 60-second periods.
    expect(body.period).toBe(60);
    // The stream started an hour ago: 60 minutes, 61 periods when that was not on a minute boundary.
    expect(body.series.IngestVideoBitrate.values.length).toBeGreaterThanOrEqual(60);
    expect(body.series.IngestVideoBitrate.values.length).toBeLessThanOrEqual(61);
    for (const qs of ['?minutes=4', '?minutes=181', '?minutes=abc', '?minutes=7.5']) {
      const res = await get(channelId, qs);
      expect(res.status).toBe(400);
      expect((await res.json()).fieldErrors.minutes).toMatch(/minutes/);
    }
    expect((await get('not_an-id!')).status).toBe(400);
  });
});
