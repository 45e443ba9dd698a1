import { describe, expect, it } from 'vitest';
import { bitrateSparkline, SPARK_HEIGHT, SPARK_WIDTH } from './sparkline';

const END = Date.UTC(2026, 11, 2, 12, 0, 0);
const START = END - 10 * 60_000;
// One point every 10 s over the window, values from f(i).
const series = (f: (i: number) => number, every = 10_000, from = START, to = END) => {
  const timestamps: number[] = [];
  for (let t = from; t < to; t += every) timestamps.push(t);
  return { timestamps, values: timestamps.map((_, i) => f(i)) };
};

describe('bitrateSparkline', () => {
  it('summarises the window as now, min and max in words', () => {
    const s = bitrateSparkline(
      series((i) => [5.8, 6.3, 6.1][i % 3]),
      START,
      END,
    );
    expect(s.text).toBe('6.1 Mbps now, 5.8–6.3 over 10 min');
    expect([s.now, s.min, s.max]).toEqual([6.1, 5.8, 6.3]);
  });

  it('draws from a zero baseline inside its box, one segment when nothing is missing', () => {
    const s = bitrateSparkline(
      series(() => 4),
      START,
      END,
    );
    expect(s.path.match(/M/g)).toHaveLength(1);
    const coords = [...s.path.matchAll(/[M ]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(coords).toHaveLength(60);
    for (const [x, y] of coords) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(SPARK_WIDTH);
      expect(y).toBe(1); // the maximum sits at the top, the baseline (0 Mbps) at the bottom
    }
    const half = bitrateSparkline(
      series((i) => (i < 30 ? 4 : 2)),
      START,
      END,
    );
    const ys = [...half.path.matchAll(/[M ][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys.at(-1)).toBeCloseTo(SPARK_HEIGHT / 2, 0); // half the bitrate reads as half the height
  });

  it('breaks the line where data is missing', () => {
    const a = series(() => 3, 10_000, START, START + 120_000);
    const b = series(() => 3, 10_000, START + 300_000, END);
    const s = bitrateSparkline({ timestamps: [...a.timestamps, ...b.timestamps], values: [...a.values, ...b.values] }, START, END);
    expect(s.path.match(/M/g)).toHaveLength(2);
  });

  it('says so when there is no data, and when the data stopped a while ago', () => {
    expect(bitrateSparkline(undefined, START, END)).toMatchObject({ path: '', now: null, text: 'No bitrate data in the last 10 min' });
    const old = bitrateSparkline(
      series((i) => (i % 2 ? 0.8 : 0.75), 10_000, START, END - 180_000),
      START,
      END,
    );
    expect(old.now).toBeNull();
    expect(old.text).toBe('No bitrate data since 11:57:00 UTC; 0.75–0.80 Mbps over 10 min');
  });

  it('ignores points outside the window and values that are not numbers', () => {
    const s = bitrateSparkline({ timestamps: [START - 10_000, START, START + 10_000, END], values: [99, 2, NaN, 99] }, START, END);
    expect([s.min, s.max]).toEqual([2, 2]);
    expect(s.path).toBe('');
  });
});
