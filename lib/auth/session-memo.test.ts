import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoForgetSession, memoGet, memoSet, SESSION_MEMO_MS } from './session-memo';

const user = { email: 'op@x.test', name: 'op', role: 'operator' as const, sessionId: 's-1', signedInAt: 0 };
const T0 = Date.parse('2030-01-01T00:00:00Z');
let n = 0;
const freshKey = () => `authjs.session-token=memo-test-${n++}`; // the memo is process-wide

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('session memo', () => {
  it('serves an entry for SESSION_MEMO_MS when the token expires later', () => {
    const key = freshKey();
    memoSet(key, user, T0 + 12 * 3600_000);
    vi.setSystemTime(T0 + SESSION_MEMO_MS - 1);
    expect(memoGet(key)).toEqual(user);
    vi.setSystemTime(T0 + SESSION_MEMO_MS);
    expect(memoGet(key)).toBeNull();
  });

  it('never serves an entry past the token’s own expiry', () => {
    const key = freshKey();
    const expires = T0 + 10_000; // well inside the 30 s window
    memoSet(key, user, expires);
    vi.setSystemTime(expires - 1);
    expect(memoGet(key)).toEqual(user);
    vi.setSystemTime(expires);
    expect(memoGet(key)).toBeNull();
    vi.setSystemTime(T0 + SESSION_MEMO_MS - 1);
    expect(memoGet(key)).toBeNull();
  });

  it('keeps nothing for an already expired or unknown expiry, and forgets a refused token', () => {
    const expired = freshKey();
    memoSet(expired, user, T0 - 1);
    expect(memoGet(expired)).toBeNull();

    const unknown = freshKey();
    memoSet(unknown, user, Number.NaN);
    expect(memoGet(unknown)).toBeNull();

    const refused = freshKey();
    memoSet(refused, user, T0 + 60_000);
    expect(memoGet(refused)).toEqual(user);
    memoSet(refused, null, T0 + 60_000);
    expect(memoGet(refused)).toBeNull();
  });

  it('forgets every token of a session that ended, and only those', () => {
    const [a, b, other] = [freshKey(), freshKey(), freshKey()];
    memoSet(a, { ...user, sessionId: 'ended' }, T0 + 60_000);
    memoSet(b, { ...user, sessionId: 'ended' }, T0 + 60_000); // a re-issued token of the same session
    memoSet(other, { ...user, sessionId: 'still-open' }, T0 + 60_000);
    memoForgetSession('ended');
    expect([memoGet(a), memoGet(b)]).toEqual([null, null]);
    expect(memoGet(other)?.sessionId).toBe('still-open');
  });
});
