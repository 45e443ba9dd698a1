import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { as, harness as h } from '@/test/action-harness';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store';

// The admin's session actions on a real store (the embedded one; the queries themselves run on both
// backends in lib/auth/sessions.test.ts).
const slot = vi.hoisted(() => ({ db: null as unknown }));
vi.mock('@/lib/store', async (real) => ({ ...(await real<object>()), store: async () => slot.db }));

const { checkSession, startSession } = await import('@/lib/auth/sessions');
const actions = await import('./actions');

const HOUR = 3600_000;
const open = (db: Db, email: string) => startSession(db, { email, provider: 'oidc', groups: [] }, 'operator', { maxAgeMs: 12 * HOUR });
const isOpen = async (db: Db, id: string) => !!(await checkSession(db, id, { roleCheckMs: HOUR, deriveRole: () => 'operator' }));

describe('session admin actions', () => {
  let db: Db;
  beforeAll(async () => {
    db = await BACKENDS[0].open();
    slot.db = db;
  });
  afterAll(() => db.close());
  beforeEach(() => vi.clearAllMocks());

  it('refuse an operator, audit the denial and end nothing', async () => {
    const s = await open(db, 'kept@example.com');
    as('operator');
    expect(await actions.endSessionAction({ sessionId: s.id })).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(await actions.endUserSessionsAction({ email: 'kept@example.com' })).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(await isOpen(db, s.id)).toBe(true);
    expect(h.audit).toHaveBeenCalledWith(expect.objectContaining({ action: 'session.end', outcome: 'denied' }));
  });

  it('end one session, audited, and a second run is no error and ends nothing more', async () => {
    const [a, b] = [await open(db, 'two@example.com'), await open(db, 'two@example.com')];
    as('admin');
    expect(await actions.endSessionAction({ sessionId: a.id })).toEqual({ ok: true, data: { ended: true } });
    expect(await actions.endSessionAction({ sessionId: a.id })).toEqual({ ok: true, data: { ended: false } });
    expect([await isOpen(db, a.id), await isOpen(db, b.id)]).toEqual([false, true]);
    expect(h.audit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'session.end', outcome: 'success', user: 'admin@local', resourceArn: `console-session/${a.id}` }),
    );
  });

  it('sign a user out everywhere, and refuse input that is no session id or email', async () => {
    const [a, b] = [await open(db, 'all@example.com'), await open(db, 'ALL@example.com')];
    as('admin');
    expect(await actions.endUserSessionsAction({ email: 'all@example.com' })).toEqual({ ok: true, data: { ended: 2 } });
    expect(await actions.endUserSessionsAction({ email: 'all@example.com' })).toEqual({ ok: true, data: { ended: 0 } });
    expect([await isOpen(db, a.id), await isOpen(db, b.id)]).toEqual([false, false]);
    expect(await actions.endSessionAction({ sessionId: "'; DROP TABLE console_sessions; --" })).toMatchObject({
      ok: false,
      code: 'ValidationError',
    });
    expect(await actions.endUserSessionsAction({ email: '' })).toMatchObject({ ok: false, code: 'ValidationError' });
  });
});
