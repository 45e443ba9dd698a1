import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => ({ send: h.send }) }));

const { getStream, getStreamSession, invalidateLiveSnapshot, liveSnapshot, SNAPSHOT_STALE_MS, SNAPSHOT_TTL_MS } = await import('./streams');

const arn = (i: number) => `arn:aws:ivs:us-west-2:123456789012:channel/ch${String(i).padStart(10, '0')}`;
const ivsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

// A fake ListStreams with `live` streams, 100 per page.
function serveStreams(live: number) {
  h.send.mockImplementation(async (command: { constructor: { name: string }; input: { nextToken?: string } }) => {
    await new Promise((r) => setTimeout(r, 1));
    if (command.constructor.name !== 'ListStreamsCommand') throw new Error(`unexpected ${command.constructor.name}`);
    const start = Number(command.input.nextToken ?? 0);
    const streams = Array.from({ length: Math.min(100, live - start) }, (_, i) => ({ channelArn: arn(start + i), streamId: `st-${i}`, health: 'HEALTHY', viewerCount: i, state: 'LIVE' }));
    return { streams, nextToken: start + 100 < live ? String(start + 100) : undefined };
  });
}

let region = 0;
const nextRegion = () => `test-region-${++region}`; // a fresh cache entry per test

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  h.send.mockReset();
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

  it('reuses a fresh snapshot, serves a stale one while refreshing once in the background', async () => {
    serveStreams(10);
    const r = nextRegion();
    const now = vi.spyOn(Date, 'now');
    const t0 = 1_000_000;
    now.mockReturnValue(t0);
    const first = await liveSnapshot(r);
    now.mockReturnValue(t0 + SNAPSHOT_TTL_MS - 1);
    expect(await liveSnapshot(r)).toBe(first);
    expect(h.send).toHaveBeenCalledTimes(1);

    now.mockReturnValue(t0 + SNAPSHOT_TTL_MS + 1);
    const [s1, s2] = await Promise.all([liveSnapshot(r), liveSnapshot(r)]);
    expect(s1).toBe(first); // stale, served at once
    expect(s2).toBe(first);
    await new Promise((res) => setTimeout(res, 10));
    expect(h.send).toHaveBeenCalledTimes(2); // one background refresh
    expect(await liveSnapshot(r)).not.toBe(first);
    now.mockRestore();
  });

  it('waits for a new pass once the snapshot is older than the stale limit', async () => {
    serveStreams(1);
    const r = nextRegion();
    const now = vi.spyOn(Date, 'now').mockReturnValue(5_000_000);
    const first = await liveSnapshot(r);
    now.mockReturnValue(5_000_000 + SNAPSHOT_STALE_MS + 1);
    expect(await liveSnapshot(r)).not.toBe(first);
    now.mockRestore();
  });

  it('refetches after invalidation (stop stream), and never stores a pass started before it', async () => {
    serveStreams(3);
    const r = nextRegion();
    const before = liveSnapshot(r);
    invalidateLiveSnapshot(r);
    await before;
    const after = await liveSnapshot(r);
    expect(after).not.toBe(await before);
    expect(h.send).toHaveBeenCalledTimes(2);
  });

  it('does not cache a failed pass', async () => {
    const r = nextRegion();
    h.send.mockRejectedValueOnce(ivsError('ThrottlingException'));
    await expect(liveSnapshot(r)).rejects.toThrow('ThrottlingException');
    serveStreams(2);
    expect((await liveSnapshot(r)).streams).toHaveLength(2);
  });
});

describe('stream reads', () => {
  it('getStream answers null for an offline channel (ChannelNotBroadcasting)', async () => {
    h.send.mockRejectedValueOnce(ivsError('ChannelNotBroadcasting'));
    expect(await getStream('us-west-2', arn(1))).toBeNull();
    h.send.mockRejectedValueOnce(ivsError('AccessDeniedException'));
    await expect(getStream('us-west-2', arn(1))).rejects.toThrow('AccessDeniedException');
  });

  it('a session view carries the ingest configuration and a time-ordered timeline, but no SRT passphrase', async () => {
    h.send.mockResolvedValueOnce({
      streamSession: {
        streamId: 'st-1',
        startTime: new Date('2026-01-01T00:00:00Z'),
        channel: { name: 'studio', srt: { endpoint: 'x', passphrase: 'SECRET-PASSPHRASE' } },
        ingestConfiguration: { video: { codec: 'avc1.64002A', videoWidth: 1920, videoHeight: 1080, targetBitrate: 6_000_000, targetFramerate: 30 }, audio: { codec: 'mp4a.40.2', sampleRate: 48000, channels: 2, targetBitrate: 160_000 } },
        truncatedEvents: [
          { name: 'Session Ended', type: 'IVS Stream State Change', eventTime: new Date('2026-01-01T01:00:00Z') },
          { name: 'Session Created', type: 'IVS Stream State Change', eventTime: new Date('2026-01-01T00:00:00Z') },
        ],
      },
    });
    const s = await getStreamSession('us-west-2', arn(1), 'st-1');
    expect(s?.ingest).toEqual([
      expect.objectContaining({ kind: 'video', codec: 'avc1.64002A', detail: expect.stringContaining('1920×1080'), bitrate: 6_000_000 }),
      expect.objectContaining({ kind: 'audio', codec: 'mp4a.40.2', bitrate: 160_000 }),
    ]);
    expect(s?.events.map((e) => e.name)).toEqual(['Session Created', 'Session Ended']);
    expect(JSON.stringify(s)).not.toContain('SECRET-PASSPHRASE');
  });
});
