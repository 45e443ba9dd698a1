import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ auth: vi.fn(), cookies: [] as { name: string; value: string }[] }));
vi.mock('@/lib/auth/config', () => ({ auth: h.auth }));
vi.mock('next/headers', () => ({ cookies: async () => ({ getAll: () => h.cookies }) }));

const { getSessionUser } = await import('./session');

// What auth() answers: the user, and when the token in the cookie expires.
const session = (tokenExpires = new Date(Date.now() + 3600_000).toISOString()) => ({
  user: { email: 'op@x.test', name: 'op', role: 'operator' },
  expires: new Date(Date.now() + 12 * 3600_000).toISOString(), // the refreshed token's, never sent by a page
  tokenExpires,
  sessionId: 's-1',
  signedInAt: '2026-12-02T08:00:00.000Z',
});
const signedIn = { sessionId: 's-1', signedInAt: Date.parse('2026-12-02T08:00:00.000Z') };

beforeEach(() => {
  h.auth.mockReset();
  h.auth.mockResolvedValue(session());
});
afterEach(() => vi.useRealTimers());

describe('getSessionUser', () => {
  it('asks Auth.js once per session token, then answers from the memo', async () => {
    h.cookies = [{ name: 'authjs.session-token', value: `token-${Math.random()}` }];
    expect(await getSessionUser()).toEqual({ email: 'op@x.test', name: 'op', role: 'operator', ...signedIn });
    expect(await getSessionUser()).toEqual({ email: 'op@x.test', name: 'op', role: 'operator', ...signedIn });
    expect(h.auth).toHaveBeenCalledTimes(1);
    h.cookies = [{ name: '__Secure-authjs.session-token', value: `other-${Math.random()}` }];
    await getSessionUser();
    expect(h.auth).toHaveBeenCalledTimes(2); // another token: decrypted again
  });

  it('asks Auth.js again once the token itself has expired, even inside the memo window', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2030-01-01T00:00:00Z'));
    h.auth.mockResolvedValue(session(new Date(Date.now() + 5_000).toISOString()));
    h.cookies = [{ name: 'authjs.session-token', value: `expiring-${Math.random()}` }];
    expect(await getSessionUser()).not.toBeNull();
    vi.advanceTimersByTime(4_000);
    expect(await getSessionUser()).not.toBeNull();
    expect(h.auth).toHaveBeenCalledTimes(1); // still memoized
    vi.advanceTimersByTime(1_000); // the token's expiry; the 30 s memo window has 25 s left
    h.auth.mockResolvedValue(null); // Auth.js refuses the expired token
    expect(await getSessionUser()).toBeNull();
    expect(h.auth).toHaveBeenCalledTimes(2);
  });

  it('is null without a session cookie, and never memoizes a refused token', async () => {
    h.cookies = [{ name: 'ivs-region', value: 'us-west-2' }];
    expect(await getSessionUser()).toBeNull();
    expect(h.auth).not.toHaveBeenCalled();
    h.cookies = [{ name: 'authjs.session-token', value: `bad-${Math.random()}` }];
    h.auth.mockResolvedValue(null);
    expect(await getSessionUser()).toBeNull();
    expect(await getSessionUser()).toBeNull();
    expect(h.auth).toHaveBeenCalledTimes(2);
  });
});
