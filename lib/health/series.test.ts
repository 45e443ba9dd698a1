import { describe, expect, it } from 'vitest';
import { formatDuration, periodOf, pointsOf, shareOfWindow } from './series';

describe('series helpers', () => {
  it('formats durations the way the findings read', () => {
    const durations = [45_000, 90_000, 150_000, 600_000, 65 * 60_000];
    expect(durations.map(formatDuration)).toEqual(['45 s', '90 s', '2 min 30 s', '10 min', '1 h 05 min']);
    expect(shareOfWindow(6 * 60_000, 10 * 60_000)).toBe('6 of the last 10 minutes');
    expect(shareOfWindow(40_000, 90_000)).toBe('40 s of the last 90 s');
    // A session's own window: an ended session has no "last 10 minutes".
    expect(shareOfWindow(6 * 60_000, 42 * 60_000, 'session')).toBe("6 of the session's 42 minutes");
    expect(shareOfWindow(40_000, 90_000, 'session')).toBe("40 s of the session's 90 s");
  });

  it('drops missing values and reads the period from the spacing', () => {
    const points = pointsOf({ timestamps: [0, 5000, 10000, 20000], values: [1, NaN, 2, 3] });
    expect(points).toEqual([
      { t: 0, v: 1 },
      { t: 10000, v: 2 },
      { t: 20000, v: 3 },
    ]);
    expect(periodOf(pointsOf({ timestamps: [0, 5000, 10000, 15000, 60000], values: [1, 1, 1, 1, 1] }))).toBe(5000);
  });
});
