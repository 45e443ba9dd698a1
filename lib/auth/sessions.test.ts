import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapRole } from '@/lib/auth/role-mapping';
import type { Role } from '@/lib/auth/roles';
import type { Db } from '@/lib/store';
import { BACKENDS } from '@/lib/store/test-backends';
import { checkSession, endSession, endUserSessions, listActiveSessions, startSession, type DeriveRole } from './sessions';

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const t0 = new Date('2026-12-02T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`;

// The configuration of the moment, as the ROLE_* settings would give it; a test changes it between checks.
function configurable(initial: { admins: string[]; operatorGroups: string[] }) {
  const config = { ...initial };
  const deriveRole: DeriveRole = (identity) =>
    mapRole(identity, {
      emails: { admin: config.admins, operator: [], viewer: [] },
      groups: { admin: [], operator: config.operatorGroups, viewer: [] },
      defaultRole: '',
    });
  return { config, deriveRole };
}

describe.each(BACKENDS)('console sessions ($name)', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const start = (email: string, role: Role = 'admin', groups: string[] = []) =>
    startSession(db, { email, provider: 'oidc', groups }, role, { now: t0, maxAgeMs: 12 * HOUR });
  const never: DeriveRole = () => {
    throw new Error('the role was re-derived before it was due');
  };

  it('a session is open until it is ended, and ending it twice is the same as once', async () => {
    const email = unique('ada');
    const s = await start(email);
    expect(await checkSession(db, s.id, { now: at(MINUTE), roleCheckMs: 5 * MINUTE, deriveRole: never })).toMatchObject({
      email,
      role: 'admin',
    });
    expect(await endSession(db, s.id, 'sign-out', at(2 * MINUTE))).toBe(true);
    expect(await endSession(db, s.id, 'sign-out', at(3 * MINUTE))).toBe(false);
    expect(await checkSession(db, s.id, { now: at(4 * MINUTE), roleCheckMs: 5 * MINUTE, deriveRole: never })).toBeNull();
  });

  it('an unknown id (a forged or pre-upgrade token) is no session', async () => {
    expect(await checkSession(db, 'no-such-session', { now: t0, roleCheckMs: 5 * MINUTE, deriveRole: never })).toBeNull();
  });

  it('the lifetime is absolute: a session used every minute still ends 12 h after sign-in', async () => {
    const s = await start(unique('busy'));
    const { deriveRole } = configurable({ admins: [s.email], operatorGroups: [] });
    for (let ms = 0; ms < 12 * HOUR; ms += HOUR) {
      expect(await checkSession(db, s.id, { now: at(ms + MINUTE), roleCheckMs: 5 * MINUTE, deriveRole })).not.toBeNull();
    }
    expect(await checkSession(db, s.id, { now: at(12 * HOUR), roleCheckMs: 5 * MINUTE, deriveRole })).toBeNull();
  });

  it('the role is derived again once it is older than the interval: demoted, then removed', async () => {
    const email = unique('grace');
    const s = await start(email, 'admin', ['ops']);
    const { config, deriveRole } = configurable({ admins: [email], operatorGroups: ['ops'] });
    const check = (ms: number) => checkSession(db, s.id, { now: at(ms), roleCheckMs: 5 * MINUTE, deriveRole });

    config.admins = []; // removed from ROLE_ADMIN_EMAILS; still in the operators' group
    expect((await check(4 * MINUTE))?.role).toBe('admin'); // within the interval: not derived yet
    expect((await check(5 * MINUTE))?.role).toBe('operator');
    expect((await check(6 * MINUTE))?.role).toBe('operator');

    config.operatorGroups = []; // and out of the group: no role at all
    expect((await check(9 * MINUTE))?.role).toBe('operator'); // within 5 min of the last derivation
    expect(await check(10 * MINUTE)).toBeNull();
    // Ended, not just refused once: a configuration put back does not revive it.
    config.admins = [email];
    expect(await check(11 * MINUTE)).toBeNull();
  });

  it('sign out everywhere ends every open session of that user only, case-insensitively', async () => {
    const email = unique('Lin');
    const other = await start(unique('other'));
    const a = await start(email);
    const b = await start(email);
    const ended = await endUserSessions(db, email.toUpperCase(), 'ended by admin', at(MINUTE));
    expect(ended.sort()).toEqual([a.id, b.id].sort());
    expect(await endUserSessions(db, email, 'ended by admin', at(2 * MINUTE))).toEqual([]);
    const active = await listActiveSessions(db, { now: at(2 * MINUTE) });
    expect(active.map((s) => s.id)).toContain(other.id);
    expect(active.map((s) => s.id)).not.toContain(a.id);
    expect(active.map((s) => s.id)).not.toContain(b.id);
  });

  it('lists open sessions with who, role, provider and times, not ended or expired ones', async () => {
    const email = unique('list');
    const s = await start(email, 'operator');
    await checkSession(db, s.id, { now: at(30 * MINUTE), roleCheckMs: HOUR, deriveRole: never });
    const row = (await listActiveSessions(db, { now: at(31 * MINUTE) })).find((x) => x.id === s.id);
    expect(row).toMatchObject({ email, role: 'operator', provider: 'oidc' });
    expect(row?.signedInAt.toISOString()).toBe(t0.toISOString());
    expect(row?.lastSeenAt.toISOString()).toBe(at(30 * MINUTE).toISOString());
    expect((await listActiveSessions(db, { now: at(13 * HOUR) })).find((x) => x.id === s.id)).toBeUndefined();
  });
});
