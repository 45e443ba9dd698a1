import { describe, expect, it } from 'vitest';
import { ctx, series, steps } from '../test-fixtures';
import { keyframeIntervalRule } from './keyframe-interval';

const run = (values: number[]) => keyframeIntervalRule(ctx({ metrics: { KeyframeInterval: series(values) } }));

describe('keyframeIntervalRule', () => {
  it('names the interval and how long it lasted: 4 s for 6 of the last 10 minutes', () => {
    const [f] = run(steps([48, 2], [72, 4]));
    expect(f.id).toBe('keyframe-interval');
    expect(f.severity).toBe('warning');
    expect(f.detail).toContain('Keyframe interval 4 s for 6 of the last 10 minutes');
    expect(f.window).toEqual({ start: Date.parse('2026-12-02T12:04:00Z'), end: Date.parse('2026-12-02T12:10:00Z') });
  });

  it('on a session page, measures against the session, not the last minutes', () => {
    const metrics = { KeyframeInterval: series(steps([48, 2], [72, 4])) };
    const [f] = keyframeIntervalRule(ctx({ metrics, windowScope: 'session' }));
    expect(f.detail).toContain("Keyframe interval 4 s for 6 of the session's 10 minutes");
  });

  it('accepts 2 s and 1 s, with CloudWatch jitter inside the tolerance', () => {
    expect(run(steps([60, 2.2], [60, 1.1]))).toEqual([]);
  });

  it('flags jitter just outside the tolerance', () => {
    expect(run(steps([100, 2], [20, 2.3]))).toHaveLength(1);
  });

  it('stays quiet below 10% of the window and fires at 10%', () => {
    expect(run(steps([109, 2], [11, 4]))).toEqual([]);
    expect(run(steps([108, 2], [12, 4]))).toHaveLength(1);
  });

  it('looks only at the last 10 minutes: an old bad stretch no longer counts', () => {
    expect(run(steps([60, 6], [120, 2]))).toEqual([]);
  });

  it('says nothing without data', () => {
    expect(run([])).toEqual([]);
    expect(keyframeIntervalRule(ctx({}))).toEqual([]);
  });
});

describe('keyframeIntervalRule wording', () => {
  it('gives the range only when the intervals differ', () => {
    const [mixed] = run(steps([60, 2], [30, 4], [30, 6]));
    expect(mixed.detail).toContain('Keyframe interval 5 s for 5 of the last 10 minutes (between 4 and 6 s).');
    expect(run(steps([60, 2], [60, 4]))[0].detail).toContain('for 5 of the last 10 minutes. IVS');
  });
});
