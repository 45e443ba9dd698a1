import { describe, expect, it } from 'vitest';
import { ctx, series, steps } from '../test-fixtures';
import { frameRateRule } from './frame-rate';

const ingest = (targetFramerate: number) => ({ video: [{ targetFramerate }], audio: [] });

describe('frameRateRule', () => {
  it('calls 61 fps on a STANDARD channel over the limit (critical), 60.5 not', () => {
    const [f] = frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([120, 61])) } }));
    expect(f).toMatchObject({ id: 'frame-rate-over-limit', severity: 'critical' });
    expect(f.detail).toContain('up to 61 fps for 10 of the last 10 minutes');
    expect(frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([120, 60.5])) } }))).toEqual([]);
  });

  it('finds drops under 90% of the encoder target, with the lowest value', () => {
    const findings = frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([84, 30], [36, 18])) }, ingest: ingest(30) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'frame-rate-unstable', severity: 'warning' });
    expect(findings[0].detail).toContain('below 27 fps (target 30 fps) for 3 of the last 10 minutes, lowest 18 fps');
  });

  it('treats exactly 90% of target as steady, and drops under 10% of the window as noise', () => {
    expect(frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([60, 30], [60, 27])) }, ingest: ingest(30) }))).toEqual([]);
    expect(frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([109, 30], [11, 10])) }, ingest: ingest(30) }))).toEqual([]);
    expect(frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([108, 30], [12, 10])) }, ingest: ingest(30) }))).toHaveLength(1);
  });

  it('uses the median as the target when the ingest configuration is unknown', () => {
    const [f] = frameRateRule(ctx({ metrics: { IngestFramerate: series(steps([90, 60], [30, 40])) } }));
    expect(f.detail).toContain('target 60 fps');
  });

  it('says nothing without data', () => {
    expect(frameRateRule(ctx({}))).toEqual([]);
  });
});
