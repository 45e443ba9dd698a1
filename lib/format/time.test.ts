import { describe, expect, it } from 'vitest';
import { formatTime } from './time';

describe('formatTime', () => {
  it('shows ISO strings, epoch milliseconds and Dates alike, in UTC with the zone', () => {
    expect(formatTime('2026-12-02T14:05:09.123Z')).toBe('2026-12-02 14:05:09 UTC');
    expect(formatTime('2026-12-02T15:05:09+01:00')).toBe('2026-12-02 14:05:09 UTC');
    expect(formatTime(Date.UTC(2026, 11, 2, 14, 5, 9))).toBe('2026-12-02 14:05:09 UTC');
    expect(formatTime(new Date(Date.UTC(2026, 0, 1)))).toBe('2026-01-01 00:00:00 UTC');
  });

  it('shows a dash for a missing or broken time instead of "Invalid Date"', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime('')).toBe('—');
    expect(formatTime('not a date')).toBe('—');
  });
});
