import { describe, expect, it } from 'vitest';
import { ctx, series, steps } from '../test-fixtures';
import { bitrateRule } from './bitrate';

const video = (values: number[]) => ({ IngestVideoBitrate: series(values) });
const hd = { video: [{ videoWidth: 1280, videoHeight: 720 }], audio: [] };
const sd = { video: [{ videoWidth: 852, videoHeight: 480 }], audio: [] };

describe('bitrateRule: over the channel type', () => {
  it("adds audio to video: 8.4 + 0.16 Mbps is over STANDARD's 8.5", () => {
    const over = bitrateRule(ctx({ metrics: { ...video(steps([120, 8.4])), IngestAudioBitrate: series(steps([120, 0.16])) } }));
    expect(over.map((f) => f.id)).toEqual(['bitrate-over-limit']);
    expect(over[0].severity).toBe('critical');
    expect(over[0].detail).toContain('averaged 8.56 Mbps');
    expect(bitrateRule(ctx({ metrics: { ...video(steps([120, 8.3])), IngestAudioBitrate: series(steps([120, 0.16])) } }))).toEqual([]);
  });

  it("uses BASIC's 1.5 Mbps at 480p and 3.5 Mbps above", () => {
    const [sd480] = bitrateRule(ctx({ channelType: 'BASIC', metrics: video(steps([120, 2])), ingest: sd }));
    expect(sd480.detail).toContain('at most 1.5 Mbps at 480p');
    expect(bitrateRule(ctx({ channelType: 'BASIC', metrics: video(steps([120, 2])), ingest: hd }))).toEqual([]);
    expect(bitrateRule(ctx({ channelType: 'BASIC', metrics: video(steps([120, 3.6])), ingest: hd }))[0].detail).toContain('above 480p');
  });

  it('ignores a spike under 10% of the window', () => {
    expect(bitrateRule(ctx({ metrics: video(steps([109, 6], [11, 9])) }))).toEqual([]);
    expect(bitrateRule(ctx({ metrics: video(steps([108, 6], [12, 9])) }))).toHaveLength(1);
  });
});

describe('bitrateRule: falling', () => {
  it('finds the last fifth of the window under 70% of before, with both figures', () => {
    const [f] = bitrateRule(ctx({ metrics: video(steps([96, 6], [24, 2])) }));
    expect(f).toMatchObject({ id: 'bitrate-falling', severity: 'warning' });
    expect(f.detail).toContain('fell from 6 Mbps to 2 Mbps (67% less) over the last 2 min');
  });

  it('stays quiet at exactly 70% and on a steady stream', () => {
    expect(bitrateRule(ctx({ metrics: video(steps([96, 6], [24, 4.2])) }))).toEqual([]);
    expect(bitrateRule(ctx({ metrics: video(steps([120, 6])) }))).toEqual([]);
  });

  it('compares a short stream with the encoder target', () => {
    const ingest = { video: [{ targetBitrate: 6_000_000 }], audio: [] };
    expect(bitrateRule(ctx({ metrics: video(steps([3, 2])), ingest }))[0].detail).toContain('fell from 6 Mbps to 2 Mbps');
    expect(bitrateRule(ctx({ metrics: video(steps([2, 2])), ingest }))).toEqual([]);
  });
});
