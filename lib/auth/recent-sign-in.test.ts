import { describe, expect, it } from 'vitest';
import { signedInWithin, signInAgainMessage } from './recent-sign-in';

describe('signedInWithin', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  it('takes a sign-in up to the limit and refuses one a moment older', () => {
    expect(signedInWithin(now - 60 * 60_000, 60, now)).toBe(true);
    expect(signedInWithin(now - 60 * 60_000 - 1, 60, now)).toBe(false);
  });
  it('refuses an unknown sign-in time', () => {
    expect(signedInWithin(Number.NaN, 60, now)).toBe(false);
  });
  it('says the limit in the unit it was set in', () => {
    expect(signInAgainMessage(60)).toContain('last 1 h');
    expect(signInAgainMessage(15)).toContain('last 15 min');
  });
});
