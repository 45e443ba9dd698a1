import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, GetStreamSessionCommand, IvsClient, ListStreamSessionsCommand } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { usageWindow } from './catalogue';
import { usageRows } from './report';

// The usage report against the emulator, real SDK over real HTTP: what it adds up is what was simulated.
const client = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => client.current }));
const { readChannelUsage } = await import('./read');
const { regionPeakViews24h } = await import('@/lib/metrics/points');

const REGION = 'us-west-2';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;
let ivs: IvsClient;
let cw: CloudWatchClient;

async function control(path: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok).toBe(true);
  return res.json() as Promise<Record<string, unknown>>;
}

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  ivs = new IvsClient({ endpoint: emulator.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  cw = new CloudWatchClient({ endpoint: emulator.url, region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
  client.current = cw;
});
afterAll(async () => {
  ivs?.destroy();
  cw?.destroy();
  await emulator?.close();
});

/** A finished stream of a known length and audience; returns the channel and the session's exact seconds. */
async function simulate(name: string, type: 'STANDARD' | 'BASIC', secondsAgo: number, viewers: number, tags: Record<string, string>) {
  const { channel } = await ivs.send(new CreateChannelCommand({ name, type, tags }));
  await control('streams/start', { channelArn: channel!.arn, startedSecondsAgo: secondsAgo, viewerCount: viewers });
  await control('streams/stop', { channelArn: channel!.arn });
  const { streamSessions } = await ivs.send(new ListStreamSessionsCommand({ channelArn: channel!.arn }));
  const { streamSession } = await ivs.send(
    new GetStreamSessionCommand({ channelArn: channel!.arn, streamId: streamSessions![0].streamId }),
  );
  const seconds = (streamSession!.endTime!.getTime() - streamSession!.startTime!.getTime()) / 1000;
  const id = channel!.arn!.split('/').pop()!;
  return { item: { kind: 'channel' as const, arn: channel!.arn!, id, name, tags, authorized: false, type }, seconds };
}

describe('readChannelUsage against the emulator', () => {
  it('adds up input, delivered hours and peak views to what was simulated, in one GetMetricData call', async () => {
    const a = await simulate('usage-a', 'STANDARD', 1800, 40, { team: 'news' });
    const b = await simulate('usage-b', 'BASIC', 3600, 5, { team: 'news' });
    await control('requests/reset', {});
    const w = usageWindow({ range: '24h' });
    if (!w.ok) throw new Error('window');
    const usage = await readChannelUsage(REGION, [a.item, b.item], w.window);
    expect(await control('requests')).toMatchObject({ GetMetricData: 1 });

    const [ua, ub] = usage;
    expect(a.seconds).toBeGreaterThanOrEqual(1800);
    expect(ua.inputSeconds).toBeCloseTo(a.seconds, 0);
    expect(ua.deliveredSeconds).toBeCloseTo(40 * a.seconds, -1);
    expect(ua.peakViews).toBe(40);
    expect(ua.recordedSeconds).toBe(0);
    expect(ub.inputSeconds).toBeCloseTo(b.seconds, 0);
    expect(ub.peakViews).toBe(5);

    const [team] = usageRows(usage, 'tag', 'team', null);
    expect(team.label).toBe('news');
    expect(team.inputHours.STANDARD).toBeCloseTo(a.seconds / 3600, 3);
    expect(team.inputHours.BASIC).toBeCloseTo(b.seconds / 3600, 3);
    expect(team.deliveredHours).toBeCloseTo((40 * a.seconds + 5 * b.seconds) / 3600, 2);
    expect(team.peakViews).toBe(40);
  });

  it('counts nothing for a window before the stream', async () => {
    const c = await simulate('usage-c', 'STANDARD', 600, 3, {});
    const end = Math.floor(Date.now() / 60_000) * 60_000 - 3600_000;
    const usage = await readChannelUsage(REGION, [c.item], { start: new Date(end - 3600_000), end: new Date(end) });
    expect(usage[0]).toMatchObject({ inputSeconds: 0, deliveredSeconds: 0, peakViews: 0 });
  });

  it("gives /quotas the region's 24 h peak of concurrent views, all channels together, in one call", async () => {
    // The earlier streams of this file (40, 5 and 3 viewers) were all live until just now, and these
    // two are backdated to before that: at the moment the last of them ended, all five were live.
    const { channel: x } = await ivs.send(new CreateChannelCommand({ name: 'peak-x' }));
    const { channel: y } = await ivs.send(new CreateChannelCommand({ name: 'peak-y' }));
    await control('streams/start', { channelArn: x!.arn, startedSecondsAgo: 300, viewerCount: 700 });
    await control('streams/start', { channelArn: y!.arn, startedSecondsAgo: 200, viewerCount: 800 });
    await control('requests/reset', {});
    expect(await regionPeakViews24h(REGION)).toBe(700 + 800 + 40 + 5 + 3);
    expect(await control('requests')).toMatchObject({ GetMetricData: 1 });
  });
});
