import { describe, expect, it } from 'vitest';
import { createSignInLimiter } from './sign-in-limiter';

const limits = { perUser: 3, perClient: 5, windowMs: 60_000 };

describe('sign-in limiter', () => {
  it('refuses a username after its failures reach the limit, until the oldest leaves the window', () => {
    let t = 0;
    const limiter = createSignInLimiter(limits, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('admin', 'a')).toBe(0);
      limiter.failed('admin', 'a');
      t += 1000;
    }
    expect(limiter.retryAfter('admin', 'b')).toBe(57_000); // first failure at 0, window 60 s, now 3 s
    expect(limiter.retryAfter('operator', 'b')).toBe(0);
    t = 60_001;
    expect(limiter.retryAfter('admin', 'b')).toBe(0);
  });

  it('refuses a client address that tries many usernames', () => {
    let t = 0;
    const limiter = createSignInLimiter(limits, () => t);
    for (const user of ['a', 'b', 'c', 'd', 'e']) {
      expect(limiter.retryAfter(user, '10.0.0.1')).toBe(0);
      limiter.failed(user, '10.0.0.1');
      t += 10;
    }
    expect(limiter.retryAfter('f', '10.0.0.1')).toBeGreaterThan(0);
    expect(limiter.retryAfter('f', '10.0.0.2')).toBe(0);
  });

  it('keeps a bounded number of keys however many usernames are tried', () => {
    const limiter = createSignInLimiter({ perUser: 1, perClient: 100, windowMs: 60_000 }, () => 0);
    for (let i = 0; i < 12_000; i++) limiter.failed(`user-${i}`, 'c');
    expect(limiter.retryAfter('user-0', 'x')).toBe(0); // forgotten, the oldest
    expect(limiter.retryAfter('user-11999', 'x')).toBeGreaterThan(0);
  });
});
