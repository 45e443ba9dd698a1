import { describe, expect, it } from 'vitest';
import { createSignInLimiter } from './sign-in-limiter';

const limits = { perUser: 3, overall: 5, windowMs: 60_000 };

describe('sign-in limiter', () => {
  it('refuses a username after its failures reach the limit, until the oldest leaves the window', () => {
    let t = 0;
    const limiter = createSignInLimiter(limits, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('admin')).toBe(0);
      limiter.failed('admin');
      t += 1000;
    }
    expect(limiter.retryAfter('admin')).toBe(57_000); // first failure at 0, window 60 s, now 3 s
    expect(limiter.retryAfter('operator')).toBe(0);
    t = 60_001;
    expect(limiter.retryAfter('admin')).toBe(0);
  });

  it('refuses everyone once failures across all usernames reach the overall bound', () => {
    let t = 0;
    const limiter = createSignInLimiter(limits, () => t);
    for (const user of ['a', 'b', 'c', 'd', 'e']) {
      expect(limiter.retryAfter(user)).toBe(0);
      limiter.failed(user);
      t += 10;
    }
    expect(limiter.retryAfter('f')).toBeGreaterThan(0);
  });

  it('keeps a bounded number of keys however many usernames are tried', () => {
    const limiter = createSignInLimiter({ perUser: 1, overall: 100, windowMs: 60_000 }, () => 0);
    for (let i = 0; i < 12_000; i++) limiter.failed(`user-${i}`);
    expect(limiter.retryAfter('user-0')).toBeGreaterThan(0); // refused: the overall bound is reached
    const fresh = createSignInLimiter({ perUser: 1, overall: 1_000_000, windowMs: 60_000 }, () => 0);
    for (let i = 0; i < 12_000; i++) fresh.failed(`user-${i}`);
    expect(fresh.retryAfter('user-0')).toBe(0); // forgotten, the oldest
    expect(fresh.retryAfter('user-11999')).toBeGreaterThan(0);
  });
});
