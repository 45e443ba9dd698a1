import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import type { WatchRow } from '@/lib/events/observe';

// The watcher's diagnosis reads CloudWatch through lib/metrics' client: here, a client of the emulator.
const client = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => client.current }));

const { diagnoseLive } = await import('@/lib/events/ivs-reads');
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

describe('the watcher diagnosis against the emulator', () => {
  it('diagnoses every live channel from ONE GetMetricData call, each on its own series', async () => {
    const rows: WatchRow[] = [];
    for (let i = 0; i < 6; i++) {
      const { channel } = await ivs.send(new CreateChannelCommand({ name: `watch-${i}` }));
      // Channel 2's encoder sends a keyframe every 5 s: the one finding expected.
      const ingest = i === 2 ? { keyframeInterval: 5 } : undefined;
      await control('streams/start', { channelArn: channel!.arn, startedSecondsAgo: 900, viewerCount: 10, ingest });
      rows.push({
        channelArn: channel!.arn!,
        streamId: `s-${i}`,
        health: 'HEALTHY',
        viewers: 10,
        channelName: null,
        channelType: 'STANDARD',
        findings: [],
        startedAt: Date.now() - 900_000,
        observedAt: Date.now(),
      });
    }
    await control('requests/reset', {});
    const findings = await diagnoseLive(REGION, rows, Date.now());
    expect(await control('requests')).toEqual({ GetMetricData: 1 });
    const ids = rows.map((r) => (findings.get(r.channelArn) ?? []).map((f) => f.id));
    expect(ids[2]).toContain('keyframe-interval');
    expect(ids.filter((list, i) => i !== 2 && list.includes('keyframe-interval'))).toEqual([]);
  });

  it('leaves out what came before the current stream started', async () => {
    const { channel } = await ivs.send(new CreateChannelCommand({ name: 'watch-restarted' }));
    await control('streams/start', { channelArn: channel!.arn, startedSecondsAgo: 600, ingest: { keyframeInterval: 5 } });
    const row: WatchRow = {
      channelArn: channel!.arn!,
      streamId: 's',
      health: 'HEALTHY',
      viewers: 0,
      channelName: null,
      channelType: 'STANDARD',
      findings: [],
      startedAt: Date.now() + 60_000, // as if a new stream began after those points
      observedAt: Date.now(),
    };
    const idsFor = async (r: WatchRow) => ((await diagnoseLive(REGION, [r], Date.now())).get(r.channelArn) ?? []).map((f) => f.id);
    expect(await idsFor({ ...row, startedAt: Date.now() - 600_000 })).toContain('keyframe-interval');
    expect(await idsFor(row)).not.toContain('keyframe-interval');
  });
});
