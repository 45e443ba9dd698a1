import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// lib/metrics reaches CloudWatch through cloudWatchClient(region): here, a client of the emulator.
const client = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => client.current }));

const { readChannelMetrics } = await import('@/lib/metrics/read');
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

async function liveChannels(n: number, start: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { channel } = await ivs.send(new CreateChannelCommand({ name: `m-${i}` }));
    await control('streams/start', { channelArn: channel!.arn, startedSecondsAgo: 1200, viewerCount: 10 + i, ...start });
    ids.push(channel!.arn!.split('/').pop()!);
  }
  return ids;
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
beforeEach(() => control('requests/reset', {}));

const window = (minutes: number) => {
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return { start: new Date(end.getTime() - minutes * 60_000), end };
};

describe('readChannelMetrics against the emulator', () => {
  it('reads five metrics of three channels in ONE GetMetricData call, typed per channel and metric', async () => {
    const ids = await liveChannels(3);
    const out = await readChannelMetrics(REGION, { channelIds: ids, ...window(10) });
    expect(await control('requests')).toMatchObject({ GetMetricData: 1 });
    expect(out.period).toBe(5);
    expect(Object.keys(out.channels)).toEqual(ids);
    for (const [i, id] of ids.entries()) {
      const s = out.channels[id];
      expect(s.IngestVideoBitrate.values).toHaveLength(120);
      expect(s.IngestVideoBitrate.unit).toBe('Mbps');
      // Oldest first, on period boundaries.
      expect(s.IngestVideoBitrate.timestamps[1] - s.IngestVideoBitrate.timestamps[0]).toBe(5000);
      expect(new Set(s.KeyframeInterval.values)).toEqual(new Set([2]));
      expect(new Set(s.ConcurrentViews.values)).toEqual(new Set([10 + i]));
      expect(Math.round(s.IngestFramerate.values[0])).toBe(30);
    }
  });

  it('splits at 500 queries: 101 channels x 5 metrics is two calls, not 505', async () => {
    const ids = await liveChannels(101);
    const out = await readChannelMetrics(REGION, { channelIds: ids, ...window(5) });
    expect(await control('requests')).toMatchObject({ GetMetricData: 2 });
    // The 101st channel's series came from the second call.
    expect(out.channels[ids[100]].IngestVideoBitrate.values).toHaveLength(60);
  }, 60_000);

  it('follows NextToken until the answer is whole, and keeps series apart', async () => {
    const ids = await liveChannels(2, { ingest: { framerate: 60 } });
    const out = await readChannelMetrics(REGION, {
      channelIds: ids,
      ...window(10),
      metrics: ['IngestFramerate', 'KeyframeInterval'],
      maxDatapoints: 50,
    });
    // 2 channels x 2 metrics x 120 periods = 480 points, 50 a page.
    expect(await control('requests')).toMatchObject({ GetMetricData: 10 });
    for (const id of ids) {
      const fps = out.channels[id].IngestFramerate;
      expect(fps.values).toHaveLength(120);
      expect(fps.timestamps).toEqual([...fps.timestamps].sort((a, b) => a - b));
      expect(Math.round(fps.values[0])).toBe(60);
    }
  });

  it('answers empty series, not an error, for a channel that never streamed', async () => {
    const out = await readChannelMetrics(REGION, { channelIds: ['abcdABCDefgh'], ...window(5), metrics: ['IngestVideoBitrate'] });
    expect(out.channels.abcdABCDefgh.IngestVideoBitrate.values).toEqual([]);
  });
});
