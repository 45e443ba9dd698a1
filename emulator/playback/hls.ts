import { readFileSync } from 'node:fs';
import path from 'node:path';

// A live-looking HLS stream made of one committed 2-second clip (see ../assets/README.md): the
// media playlist slides forward with the wall clock, and every segment is the same clip, so each
// segment boundary is an EXT-X-DISCONTINUITY (its timestamps start again at zero).

export const SEGMENT_SECONDS = 2;
export const WINDOW_SEGMENTS = 3;
export const CODECS = 'avc1.42C01E,mp4a.40.2';
const SEGMENT_EXTINF = '2.000';

let segment: Buffer | undefined;

/** The clip every segment serves, read once. */
export function segmentBytes(): Buffer {
  segment ??= readFileSync(path.join(__dirname, '..', 'assets', 'segment.mpegts'));
  return segment;
}

/** The newest segment's sequence number for a stream that started at `startMs`. */
export function latestSequence(startMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - startMs) / 1000 / SEGMENT_SECONDS));
}

const withQuery = (uri: string, query: string) => (query ? `${uri}?${query}` : uri);

/** The multivariant playlist: one 180p rendition, its URI relative to this playlist. */
export function multivariantPlaylist(name: string, query: string): string {
  return [
    '#EXTM3U',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-STREAM-INF:BANDWIDTH=260000,RESOLUTION=320x180,FRAME-RATE=15.000,CODECS="${CODECS}"`,
    withQuery(`${name}/chunklist.m3u8`, query),
    '',
  ].join('\n');
}

/**
 * The media playlist at `nowMs`: the last WINDOW_SEGMENTS segments. Segment n (n ≥ 1) follows a
 * discontinuity, so segment n's discontinuity sequence number is n, and the first one listed needs
 * no tag of its own.
 */
export function mediaPlaylist(startMs: number, nowMs: number, query: string): string {
  const latest = latestSequence(startMs, nowMs);
  const first = Math.max(0, latest - WINDOW_SEGMENTS + 1);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${first}`,
  ];
  for (let n = first; n <= latest; n++) {
    if (n > first) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(startMs + n * SEGMENT_SECONDS * 1000).toISOString()}`);
    lines.push(`#EXTINF:${SEGMENT_EXTINF},`, withQuery(`${n}.ts`, query));
  }
  lines.push('');
  return lines.join('\n');
}
