import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('@/lib/ivs/client', async () => {
  const { fakeIvsClient } = await import('@/test/fake-ivs-client');
  return { ivsClient: () => fakeIvsClient(h.send) };
});

const { getStream, getStreamSession } = await import('./streams');

const arn = (i: number) => `arn:aws:ivs:us-west-2:123456789012:channel/ch${String(i).padStart(10, '0')}`;
const ivsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  h.send.mockReset();
});
afterEach(() => vi.useRealTimers());

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
        ingestConfiguration: {
          video: { codec: 'avc1.64002A', videoWidth: 1920, videoHeight: 1080, targetBitrate: 6_000_000, targetFramerate: 30 },
          audio: { codec: 'mp4a.40.2', sampleRate: 48000, channels: 2, targetBitrate: 160_000 },
        },
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
