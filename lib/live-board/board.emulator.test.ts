import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// The /live health board through the real SDKs against the emulator, counting what each build costs:
// with 500 live channels, CloudWatch sees ceil(500 × 3 / 500) = 3 GetMetricData calls per metrics read,
// and IVS the ListStreams pass plus BatchGetChannel only for channels it has not named yet.
const clients = vi.hoisted(() => ({ ivs: null as unknown, cw: null as unknown }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => clients.ivs, ivsClientNoRetry: () => clients.ivs }));
vi.mock('@/lib/metrics/client', () => ({ cloudWatchClient: () => clients.cw }));

const { liveBoard, boardPage, BOARD_METRICS } = await import('./board');
const { invalidateLiveSnapshot } = await import('@/lib/ivs/live-snapshot');
const { invalidateReads } = await import('@/lib/ivs/read-cache');

const REGION = 'us-west-2';
const LIVE = 500;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let emulator: RunningEmulator;
let arns: string[] = [];

const control = async (route: string, body?: unknown) => {
  const init = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const res = await fetch(`${emulator.url}/_emulator/${route}`, init);
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
};
const counts = async () => (await control('requests')) as Record<string, number>;
const idOf = (arn: string) => arn.split('/').pop()!;
// A new build right now: a fresh ListStreams pass, and (unless kept) a first metrics read it waits for.
const rebuild = async (keepMetrics = false) => {
  invalidateLiveSnapshot(REGION);
  if (!keepMetrics) {
    invalidateReads(REGION);
    (globalThis as { __liveBoardMetrics?: Map<string, unknown> }).__liveBoardMetrics?.delete(REGION);
  }
  return liveBoard(REGION);
};

async function pool(n: number, limit: number, fn: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  clients.ivs = new IvsClient({ endpoint: emulator.url, region: REGION, credentials, maxAttempts: 1 });
  clients.cw = new CloudWatchClient({ endpoint: emulator.url, region: REGION, credentials, maxAttempts: 1 });
  const ivs = clients.ivs as IvsClient;
  arns = new Array(LIVE);
  await pool(LIVE, 50, async (i) => {
    arns[i] = (await ivs.send(new CreateChannelCommand({ name: `board-${i}` }))).channel!.arn!;
  });
  await pool(LIVE, 50, (i) =>
    control('streams/start', { channelArn: arns[i], viewerCount: 100 + i, health: 'HEALTHY', startedSecondsAgo: 600 }),
  );
}, 120_000);
afterAll(async () => {
  (clients.ivs as IvsClient | null)?.destroy();
  (clients.cw as CloudWatchClient | null)?.destroy();
  await emulator?.close();
});

// A generous limit, not a timing check: 500 channels' metrics take seconds on a loaded machine.
describe('liveBoard with 500 live channels', { timeout: 60_000 }, () => {
  it('reads every metric of every live channel in ceil(500 × metrics / 500) GetMetricData calls', async () => {
    await control('requests/reset', {});
    const board = await rebuild();
    const calls = await counts();
    expect(board.rows).toHaveLength(LIVE);
    expect(calls.GetMetricData).toBe(Math.ceil((LIVE * BOARD_METRICS.length) / 500));
    // ListStreams is the shared snapshot's (its background refresher may add passes on a slow machine).
    expect(calls.ListStreams).toBeGreaterThanOrEqual(Math.ceil(LIVE / 100));
    expect(calls.BatchGetChannel ?? 0).toBeLessThanOrEqual(Math.ceil(LIVE / 50));
    expect(board.rows.every((r) => r.name.startsWith('board-'))).toBe(true);
    expect(board.rows.filter((r) => r.bitrate.path).length).toBe(LIVE); // 10 min of history each

    // The next builds within the metrics' 10 s reuse them (findings and sparklines included), and name
    // only channels they have not seen.
    await control('requests/reset', {});
    await rebuild(true);
    await rebuild(true);
    const again = await counts();
    expect(again.GetMetricData ?? 0).toBe(0);
    expect(again.BatchGetChannel ?? 0).toBe(0);
  });

  it('ranks a starving channel first and a channel with a bad keyframe interval above the healthy ones', async () => {
    await control('streams/episode', { channelArn: arns[7], kind: 'starve', durationSeconds: 300 });
    await control('streams/episode', {
      channelArn: arns[8],
      kind: 'keyframeInterval',
      value: 6,
      durationSeconds: 600,
      startOffsetSeconds: -540,
    });
    const board = await rebuild();
    expect(board.rows[0]).toMatchObject({ channelId: idOf(arns[7]), health: 'STARVING' });
    const kf = board.rows.findIndex((r) => r.channelId === idOf(arns[8]));
    const firstClean = board.rows.findIndex((r) => r.health === 'HEALTHY' && r.findings.count === 0);
    expect(board.rows[kf].findings.count).toBeGreaterThan(0);
    expect(kf).toBeLessThan(firstClean);
  });

  it('ranks a channel that went live since, and reports one that ended', async () => {
    const ivs = clients.ivs as IvsClient;
    const fresh = (await ivs.send(new CreateChannelCommand({ name: 'board-new' }))).channel!.arn!;
    await rebuild();
    await control('streams/start', { channelArn: fresh, viewerCount: 1 });
    await control('streams/stop', { channelArn: arns[0] });
    const board = await rebuild();
    expect(board.rows.some((r) => r.channelId === idOf(fresh) && r.name === 'board-new')).toBe(true);
    expect(board.rows.some((r) => r.channelId === idOf(arns[0]))).toBe(false);
    expect(board.ended.map((e) => e.channelId)).toContain(idOf(arns[0]));
    // Ranked over all live channels, then paged.
    const pages = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((p) => boardPage(board, p));
    expect(pages[0]).toMatchObject({ total: LIVE, pages: 10, page: 1 });
    expect(pages[10].page).toBe(10);
    expect(pages.slice(0, 10).flatMap((p) => p.rows.map((r) => r.channelId))).toEqual(board.rows.map((r) => r.channelId));
  });
});
