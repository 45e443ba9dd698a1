import { describe, expect, it } from 'vitest';
import { chartDefs, duration, shadedRanges, summarize, toColumns } from './chart-model';

const T0 = Date.parse('2026-12-02T12:00:00Z');
const S = 5_000;
const series = (values: number[], start = T0) => ({ timestamps: values.map((_, i) => start + i * S), values });
const def = (metric: string, type: 'BASIC' | 'STANDARD' = 'STANDARD', height?: number) =>
  chartDefs(type, height).find((d) => d.metric === metric)!;

describe('chartDefs', () => {
  it("draws the channel type's limits: max bitrate (BASIC's by height), max fps, the recommended 2 s keyframe interval", () => {
    expect(def('IngestVideoBitrate').limit).toMatchObject({ value: 8.5, kind: 'limit', label: 'STANDARD limit 8.5 Mbps' });
    expect(def('IngestVideoBitrate', 'BASIC', 480).limit?.value).toBe(1.5);
    expect(def('IngestVideoBitrate', 'BASIC', 720).limit?.value).toBe(3.5);
    expect(def('IngestFramerate').limit?.value).toBe(60);
    expect(def('KeyframeInterval').limit).toMatchObject({ value: 2, kind: 'recommended' });
    expect(def('ConcurrentViews').limit).toBeNull();
  });
});

describe('toColumns', () => {
  const defs = chartDefs('STANDARD');
  it('puts every metric on one x axis in seconds, audio in kbps', () => {
    const cols = toColumns({ IngestVideoBitrate: series([6, 6]), IngestAudioBitrate: series([0.128, 0.128]) }, defs, T0, T0 + 60_000);
    expect(cols.xs).toEqual([T0 / 1000, T0 / 1000 + 5]);
    expect(cols.ys[0]).toEqual([6, 6]);
    expect(cols.ys[1]).toEqual([128, 128]);
    expect(cols.ys[4]).toEqual([null, null]); // no viewers series: no line, not zero
  });

  it('breaks the line where the stream sent nothing, instead of drawing across the gap', () => {
    const s = { timestamps: [T0, T0 + S, T0 + 10 * S, T0 + 11 * S], values: [6, 6, 5, 5] };
    const cols = toColumns({ IngestVideoBitrate: s }, defs, T0, T0 + 120_000);
    expect(cols.ys[0]).toEqual([6, 6, null, 5, 5]);
    expect(cols.xs[2]).toBe((T0 + 2 * S) / 1000);
  });

  it('drops points outside the window and missing values', () => {
    const s = { timestamps: [T0 - S, T0, T0 + S], values: [1, NaN, 3] };
    expect(toColumns({ IngestVideoBitrate: s }, defs, T0, T0 + S).ys[0]).toEqual([3]);
  });
});

describe('summarize', () => {
  it('gives min, average and max, and how long a limit was exceeded', () => {
    const kf = def('KeyframeInterval');
    const values = [...Array(48).fill(2), ...Array(72).fill(4)];
    expect(summarize(kf, values, S)).toBe('Keyframe interval: min 2, average 3.2, max 4 s. Above the recommended 2 s for 6 min.');
    const video = def('IngestVideoBitrate');
    expect(summarize(video, [6, 9, 9, null, 6], S)).toBe(
      'Video bitrate: min 6, average 7.5, max 9 Mbps. Above the 8.5 Mbps limit for 10 s.',
    );
  });

  it('says when a series stays within its limit, when there is no limit, and when there is no data', () => {
    expect(summarize(def('IngestFramerate'), [30, 30], S)).toBe('Frame rate: min 30, average 30, max 30 fps. Within the 60 fps limit.');
    expect(summarize(def('KeyframeInterval'), [2.1, 2], S)).toContain('Within the recommended 2 s.');
    expect(summarize(def('ConcurrentViews'), [3, 5], S)).toBe('Viewers: min 3, average 4, max 5 viewers.');
    expect(summarize(def('IngestAudioBitrate'), [null, null], S)).toBe('Audio bitrate: no data in this window.');
  });
});

describe('shadedRanges', () => {
  it('clips periods to the window, runs an open one to its end, and drops those outside', () => {
    const end = T0 + 30 * 60_000;
    expect(
      shadedRanges(
        [
          { start: T0 - 60_000, end: T0 + 60_000, label: 'Starvation' },
          { start: T0 + 20 * 60_000, end: null, label: 'Starvation' },
          { start: T0 - 5 * 60_000, end: T0 - 60_000, label: 'Starvation' },
        ],
        T0,
        end,
      ),
    ).toEqual([
      { start: T0, end: T0 + 60_000, label: 'Starvation', ongoing: false },
      { start: T0 + 20 * 60_000, end, label: 'Starvation', ongoing: true },
    ]);
  });
});

describe('duration', () => {
  it('reads as a person says it', () => {
    expect([duration(45_000), duration(90_000), duration(360_000), duration(1_800_000), duration(3_900_000)]).toEqual([
      '45 s',
      '1 min 30 s',
      '6 min',
      '30 min',
      '1 h 05 min',
    ]);
  });
});
