import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('@/lib/ivs/client', async () => {
  const { fakeIvsClient } = await import('@/test/fake-ivs-client');
  return { ivsClient: () => fakeIvsClient(h.send) };
});

const { IDLE_STOP_MS, invalidateLiveSnapshot, liveSnapshot, recentLiveSnapshot, REFRESH_MS, SNAPSHOT_STALE_MS, warmLiveSnapshot } =
  await import('./live-snapshot');

const arn = (i: number) => `arn:aws:ivs:us-west-2:123456789012:channel/ch${String(i).padStart(10, '0')}`;
const ivsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

// A fake ListStreams with `live` streams, 100 per page.
function serveStreams(live: number) {
  h.send.mockImplementation(async (command: { constructor: { name: string }; input: { nextToken?: string } }) => {
    await Promise.resolve();
    if (command.constructor.name !== 'ListStreamsCommand') throw new Error(`unexpected ${command.constructor.name}`);
    const start = Number(command.input.nextToken ?? 0);
    const streams = Array.from({ length: Math.min(100, live - start) }, (_, i) => ({
      channelArn: arn(start + i),
      streamId: `st-${i}`,
      health: 'HEALTHY',
      viewerCount: i,
      state: 'LIVE',
    }));
    return { streams, nextToken: start + 100 < live ? String(start + 100) : undefined };
  });
}

let region = 0;
const nextRegion = () => `test-region-${++region}`; // a fresh cache entry per test
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  h.send.mockReset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('liveSnapshot', () => {
  it('collects every ListStreams page, and concurrent callers share one pass', async () => {
    serveStreams(250);
    const r = nextRegion();
    const [a, b, c] = await Promise.all([liveSnapshot(r), liveSnapshot(r), liveSnapshot(r)]);
    expect(a.streams).toHaveLength(250);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(h.send).toHaveBeenCalledTimes(3);
  });

  it('ends a pass at the page cap and flags it, where it used to follow tokens forever', async () => {
    serveStreams(1_000_000);
    const snapshot = await liveSnapshot(nextRegion());
    expect(snapshot.truncated).toBe(true);
    expect(h.send).toHaveBeenCalledTimes(50);
    expect(snapshot.streams).toHaveLength(5000);
    serveStreams(250);
    expect(await liveSnapshot(nextRegion())).toMatchObject({ truncated: false });
  });

  it('readers never start a pass once a snapshot exists: one background pass per REFRESH_MS, whatever the number of reads', async () => {
    serveStreams(10);
    const r = nextRegion();
    const first = await liveSnapshot(r);
    for (let i = 0; i < 50; i++) expect(await liveSnapshot(r)).toBe(first);
    expect(h.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    expect(h.send).toHaveBeenCalledTimes(2);
    const second = await liveSnapshot(r);
    expect(second).not.toBe(first);
    await vi.advanceTimersByTimeAsync(3 * REFRESH_MS);
    expect(h.send).toHaveBeenCalledTimes(5);
  });

  it('stops refreshing once nobody read the region for IDLE_STOP_MS, and waits for a pass when the snapshot is too old', async () => {
    serveStreams(1);
    const r = nextRegion();
    await liveSnapshot(r);
    await vi.advanceTimersByTimeAsync(IDLE_STOP_MS + 5 * REFRESH_MS);
    const passes = h.send.mock.calls.length;
    expect(passes).toBeLessThanOrEqual(IDLE_STOP_MS / REFRESH_MS + 2);
    await vi.advanceTimersByTimeAsync(10 * REFRESH_MS);
    expect(h.send).toHaveBeenCalledTimes(passes); // stopped
    expect(SNAPSHOT_STALE_MS).toBeLessThan(IDLE_STOP_MS + 15 * REFRESH_MS);
    const reading = liveSnapshot(r); // too old to serve: a new pass
    expect(h.send).toHaveBeenCalledTimes(passes + 1);
    await reading;
  });

  it('after a freeze (the clock moved, no timer ran) the first read waits for a fresh pass, not the old snapshot', async () => {
    serveStreams(1);
    const r = nextRegion();
    const before = await liveSnapshot(r);
    const passes = h.send.mock.calls.length;
    vi.setSystemTime(Date.now() + SNAPSHOT_STALE_MS + 1); // as SIGSTOP or a serverless freeze: timers did not fire
    serveStreams(2);
    const after = await liveSnapshot(r);
    expect(h.send).toHaveBeenCalledTimes(passes + 1);
    expect(after).not.toBe(before);
    expect(after.streams).toHaveLength(2);
  });

  it('warm-up fills the snapshot without starting the refresher', async () => {
    serveStreams(2);
    const r = nextRegion();
    await warmLiveSnapshot(r);
    await vi.advanceTimersByTimeAsync(SNAPSHOT_STALE_MS - 1); // long enough for a refresher, young enough to serve
    expect(h.send).toHaveBeenCalledTimes(1);
    expect((await liveSnapshot(r)).streams).toHaveLength(2); // served from the warm-up
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('refetches after invalidation (stop stream), and never stores a pass started before it', async () => {
    serveStreams(3);
    const r = nextRegion();
    const before = liveSnapshot(r);
    invalidateLiveSnapshot(r);
    const after = await liveSnapshot(r);
    expect(after).not.toBe(await before);
    expect(h.send).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failed pass, and keeps the last good snapshot when a refresh fails', async () => {
    const r = nextRegion();
    h.send.mockRejectedValueOnce(ivsError('ThrottlingException'));
    await expect(liveSnapshot(r)).rejects.toThrow('ThrottlingException');
    serveStreams(2);
    const good = await liveSnapshot(r);
    expect(good.streams).toHaveLength(2);
    h.send.mockRejectedValueOnce(ivsError('ThrottlingException'));
    await vi.advanceTimersByTimeAsync(REFRESH_MS);
    await flush();
    expect(await liveSnapshot(r)).toBe(good);
  });
});

describe('recentLiveSnapshot (the event watcher)', () => {
  it('reuses a snapshot young enough, makes a pass for an older one, and never starts the refresher', async () => {
    serveStreams(1);
    const r = nextRegion();
    const first = await recentLiveSnapshot(r, 2_000);
    expect(h.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await recentLiveSnapshot(r, 2_000)).toBe(first);
    expect(h.send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(REFRESH_MS * 4);
    expect(h.send).toHaveBeenCalledTimes(1); // nobody looked: no background passes
    expect(await recentLiveSnapshot(r, 2_000)).not.toBe(first);
    expect(h.send).toHaveBeenCalledTimes(2);
  });
});
