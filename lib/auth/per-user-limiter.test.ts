import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { createPerUserLimiter } = await import('./per-user-limiter');

describe('per-user limiter', () => {
  it('allows the limit per sliding minute, then counts what it refused until one is allowed again', () => {
    let t = 0;
    const limiter = createPerUserLimiter(2, () => t);
    expect(limiter.take('a')).toEqual({ allowed: true, skipped: 0 });
    t = 10_000;
    expect(limiter.take('a')).toEqual({ allowed: true, skipped: 0 });
    expect(limiter.take('a')).toEqual({ allowed: false, skipped: 1 });
    expect(limiter.take('a')).toEqual({ allowed: false, skipped: 2 });
    expect(limiter.take('b')).toEqual({ allowed: true, skipped: 0 });
    t = 60_001; // the first take left the window
    expect(limiter.take('a')).toEqual({ allowed: true, skipped: 2 });
    expect(limiter.take('a')).toEqual({ allowed: false, skipped: 1 });
  });
});
