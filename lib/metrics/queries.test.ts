import { describe, expect, it } from 'vitest';
import { CHANNEL_METRICS, periodFor } from './catalogue';
import { buildQueries, chunk, MAX_QUERIES_PER_CALL } from './queries';

describe('buildQueries', () => {
  it('makes one query per channel and metric, by channel id, with ids GetMetricData accepts', () => {
    const { queries, keys } = buildQueries(['abcdABCDefgh', 'zyxwZYXWvuts'], CHANNEL_METRICS, 5);
    expect(queries).toHaveLength(10);
    for (const q of queries) expect(q.Id).toMatch(/^[a-z][a-zA-Z0-9_]*$/);
    expect(new Set(queries.map((q) => q.Id)).size).toBe(10);
    const kf = queries.find((q) => keys.get(q.Id!)?.metric === 'KeyframeInterval' && keys.get(q.Id!)?.channelId === 'zyxwZYXWvuts')!;
    expect(kf.MetricStat).toEqual({
      Metric: { Namespace: 'AWS/IVS', MetricName: 'KeyframeInterval', Dimensions: [{ Name: 'Channel', Value: 'zyxwZYXWvuts' }] },
      Period: 5,
      Stat: 'Maximum',
    });
  });

  it('chunks at 500 queries, the most one call takes', () => {
    const { queries } = buildQueries(
      Array.from({ length: 101 }, (_, i) => `ch${i}`),
      CHANNEL_METRICS,
      60,
    );
    expect(chunk(queries, MAX_QUERIES_PER_CALL).map((c) => c.length)).toEqual([500, 5]);
  });
});

describe('periodFor', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  it('keeps a chart near 360 points: 5 s for 30 minutes, 30 s for 3 hours', () => {
    expect(periodFor(ago(30), now, now)).toBe(5);
    expect(periodFor(ago(5), now, now)).toBe(5);
    expect(periodFor(ago(180), now, now)).toBe(30);
  });
  it('never asks for a period CloudWatch no longer keeps for old data', () => {
    expect(periodFor(ago(4 * 60 + 10), ago(4 * 60), now)).toBe(60);
    expect(periodFor(new Date(now.getTime() - 3 * 3600_000 - 1000), now, now)).toBe(60); // the last 3 h, from just past them
    expect(periodFor(ago(20 * 1440), ago(20 * 1440 - 10), now)).toBe(300);
  });
});
