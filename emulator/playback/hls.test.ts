import { describe, expect, it } from 'vitest';
import { latestSequence, mediaPlaylist, multivariantPlaylist, segmentBytes } from './hls';

const START = Date.parse('2030-01-01T00:00:00Z');
const tag = (text: string, name: string) => new RegExp(`#${name}:(\\d+)`).exec(text)?.[1];

describe('local HLS playlists', () => {
  it('points the multivariant playlist at the variant playlist, keeping the token', () => {
    const text = multivariantPlaylist('us-west-2.123456789012.channel.abc', 'token=a.b.c');
    expect(text.startsWith('#EXTM3U')).toBe(true);
    expect(text).toContain('CODECS="avc1.42C01E,mp4a.40.2"');
    expect(text).toContain('\nus-west-2.123456789012.channel.abc/chunklist.m3u8?token=a.b.c\n');
  });

  it('starts with one segment and slides a three-segment window as time passes', () => {
    const first = mediaPlaylist(START, START + 500, '');
    expect(first.match(/\.ts/g)).toHaveLength(1);
    expect(tag(first, 'EXT-X-MEDIA-SEQUENCE')).toBe('0');

    const later = mediaPlaylist(START, START + 21_000, 'token=t');
    expect(latestSequence(START, START + 21_000)).toBe(10);
    expect(tag(later, 'EXT-X-MEDIA-SEQUENCE')).toBe('8');
    expect(tag(later, 'EXT-X-DISCONTINUITY-SEQUENCE')).toBe('8');
    expect(later.match(/^\d+\.ts\?token=t$/gm)).toEqual(['8.ts?token=t', '9.ts?token=t', '10.ts?token=t']);
    // Every segment restarts its timestamps, so every boundary inside the window is a discontinuity.
    expect(later.match(/#EXT-X-DISCONTINUITY\n/g)).toHaveLength(2);
  });

  it('serves a real MPEG-TS clip, small enough to commit', () => {
    const bytes = segmentBytes();
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.length).toBeLessThan(200_000);
    expect(bytes.length % 188).toBe(0);
    expect(bytes[0]).toBe(0x47); // TS sync byte
  });
});
