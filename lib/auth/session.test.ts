import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ auth: vi.fn(), cookies: [] as { name: string; value: string }[] }));
vi.mock('@/lib/auth/config', () => ({ auth: h.auth }));
vi.mock('next/headers', () => ({ cookies: async () => ({ getAll: () => h.cookies }) }));

const { getSessionUser } = await import('./session');

beforeEach(() => {
  h.auth.mockReset();
  h.auth.mockResolvedValue({ user: { email: 'op@x.test', name: 'op', role: 'operator' } });
});

describe('getSessionUser', () => {
  it('asks Auth.js once per session token, then answers from the memo', async () => {
    h.cookies = [{ name: 'authjs.session-token', value: `token-${Math.random()}` }];
    expect(await getSessionUser()).toEqual({ email: 'op@x.test', name: 'op', role: 'operator' });
    expect(await getSessionUser()).toEqual({ email: 'op@x.test', name: 'op', role: 'operator' });
    expect(h.auth).toHaveBeenCalledTimes(1);
    h.cookies = [{ name: '__Secure-authjs.session-token', value: `other-${Math.random()}` }];
    await getSessionUser();
    expect(h.auth).toHaveBeenCalledTimes(2); // another token: decrypted again
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
