import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, GetStreamCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import type { SessionHealth } from '@/lib/session-health/types';

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
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;
let channelId = '';
let streamId = '';

const control = async (path: string, body?: unknown) =>
  (
    await fetch(`${emulator.url}/_emulator/${path}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined })
  ).json();

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, quiet: true });
  const ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: CREDENTIALS, maxAttempts: 1 });
  h.ivs = ivs;
  h.cw = new CloudWatchClient({ endpoint: emulator.url, region: 'us-west-2', credentials: CREDENTIALS, maxAttempts: 1 });
  const { channel } = await ivs.send(new CreateChannelCommand({ name: 'session-health', type: 'BASIC' }));
  channelId = channel!.arn!.split('/').pop()!;
  // 1080p at 5 Mbps on BASIC (3.5 Mbps above 480p): over the type's limit.
  await control('streams/start', { channelArn: channel!.arn, startedSecondsAgo: 1800, ingest: { videoBitrate: 5_000_000 } });
  await control('streams/episode', { channelArn: channel!.arn, kind: 'starve', durationSeconds: 60, startOffsetSeconds: -900 });
  streamId = (await ivs.send(new GetStreamCommand({ channelArn: channel!.arn }))).stream!.streamId!;
});
afterAll(async () => {
  (h.ivs as IvsClient | null)?.destroy();
  (h.cw as CloudWatchClient | null)?.destroy();
  await emulator?.close();
});
beforeEach(async () => {
  h.user = { email: 'viewer@local', name: 'viewer', role: 'viewer' };
  await control('requests/reset', {});
});

const get = (id: string, sid: string) =>
  GET(new Request(`http://localhost/api/channels/${id}/sessions/${sid}/health`), { params: Promise.resolve({ id, streamId: sid }) });

describe('GET /api/channels/[id]/sessions/[streamId]/health', () => {
  it('refuses without a session, before any AWS call', async () => {
    h.user = null;
    expect((await get(channelId, streamId)).status).toBe(401);
    expect(await control('requests')).toEqual({});
  });

  it('answers a bad id with 400 and says which part is wrong', async () => {
    const res = await get(channelId, 'not-a-session');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toEqual({ streamId: 'Not a stream session id (st- and 23 letters or digits).' });
    expect(await control('requests')).toEqual({});
  });

  it('answers 404 for a session the channel does not have', async () => {
    const res = await get(channelId, `st-${'a'.repeat(23)}`);
    expect(res.status, await res.clone().text()).toBe(404);
  });

  it('gives a viewer the live session: every series from one GetMetricData call, markers, shading, limits and findings', async () => {
    const res = await get(channelId, streamId);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as SessionHealth;
    const calls = await control('requests');
    expect(calls.GetMetricData).toBe(1);
    expect(calls.GetChannel).toBeUndefined(); // the type comes with GetStreamSession
    expect(body.live).toBe(true);
    expect(body.channelType).toBe('BASIC');
    expect(body.series.IngestVideoBitrate!.timestamps.length).toBeGreaterThan(100);
    expect(body.window.end - body.window.start).toBeGreaterThanOrEqual(30 * 60_000);
    expect(body.markers.map((m) => m.label)).toEqual(expect.arrayContaining(['Stream Start', 'Starvation Start', 'Starvation End']));
    expect(body.shaded).toHaveLength(1);
    const bitrate = body.ingestTables[0].rows.find((r) => r.setting === 'Target bitrate');
    expect(bitrate).toMatchObject({ value: '5 Mbps video + 0.16 Mbps audio = 5.16 Mbps', verdict: 'over' });
    expect(bitrate!.limit).toBe('3.5 Mbps, video and audio together above 480p');
    expect(body.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['starvation', 'target-bitrate-over-limit']));
    expect(body.metricsNote).toBeNull();
  });
});
