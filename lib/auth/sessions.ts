import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/store';
import { isRole, type Role } from '@/lib/auth/roles';

// The console's sessions, one row per sign-in in the store (migration 5). The session token (an
// encrypted cookie) only carries the row's id: whether that session is still open, until when, and
// with which role is decided here on every check, so sign-out, "End session", a removed role and the
// absolute lifetime reach a copied cookie too. Every function takes the store and the time, so tests
// run them on both backends with a clock of their own.

/** Who signed in, as kept for re-deriving the role later: the ROLE_* lists match email and groups. */
export interface SessionIdentity {
  email: string;
  /** 'demo', 'oidc', 'github'. */
  provider: string;
  groups: string[];
}

/** The role this identity has under the current configuration, or null when it has none any more. */
export type DeriveRole = (identity: SessionIdentity) => Role | null;

export interface OpenSession {
  id: string;
  email: string;
  role: Role;
  provider: string;
  signedInAt: Date;
  expiresAt: Date;
}

export interface ActiveSession extends OpenSession {
  lastSeenAt: Date;
}

interface Row {
  id: string;
  user_email: string;
  provider: string;
  groups: unknown;
  role: string;
  signed_in_at: Date | string;
  expires_at: Date | string;
  last_seen_at: Date | string;
  role_checked_at: Date | string;
}

const COLUMNS = 'id, user_email, provider, groups, role, signed_in_at, expires_at, last_seen_at, role_checked_at';
/** Ended and expired rows are kept this long (the admin page and an investigation may want them), then deleted. */
const KEEP_ENDED_MS = 7 * 24 * 60 * 60 * 1000;

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const groupsOf = (v: unknown): string[] => {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : [];
};

function toSession(row: Row): ActiveSession {
  return {
    id: row.id,
    email: row.user_email,
    role: isRole(row.role) ? row.role : 'viewer',
    provider: row.provider,
    signedInAt: asDate(row.signed_in_at),
    expiresAt: asDate(row.expires_at),
    lastSeenAt: asDate(row.last_seen_at),
  };
}

/** Records a sign-in; its session ends at now + maxAgeMs whatever happens in between. */
export async function startSession(
  db: Db,
  identity: SessionIdentity,
  role: Role,
  { now = new Date(), maxAgeMs }: { now?: Date; maxAgeMs: number },
): Promise<OpenSession> {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + maxAgeMs);
  await db.query(
    `INSERT INTO console_sessions (id, user_email, provider, groups, role, signed_in_at, expires_at, last_seen_at, role_checked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $6)`,
    [id, identity.email, identity.provider, JSON.stringify(identity.groups), role, now, expiresAt],
  );
  // Sign-ins are rare enough to carry the clean-up: no timer, and the table stays small.
  await db.query('DELETE FROM console_sessions WHERE expires_at < $1 OR ended_at < $1', [new Date(now.getTime() - KEEP_ENDED_MS)]);
  return { id, email: identity.email, role, provider: identity.provider, signedInAt: now, expiresAt };
}

export interface CheckOptions {
  now?: Date;
  /** How old the role may be before it is derived again from the configuration. */
  roleCheckMs: number;
  deriveRole: DeriveRole;
}

/**
 * The session with this id if it is still open (not ended, not past its absolute expiry), with its
 * current role; null otherwise. Marks it seen. When its role was last derived more than roleCheckMs
 * ago it is derived again: a changed role is stored, no role at all ends the session.
 */
export async function checkSession(
  db: Db,
  id: string,
  { now = new Date(), roleCheckMs, deriveRole }: CheckOptions,
): Promise<OpenSession | null> {
  const { rows } = await db.query<Row>(
    `UPDATE console_sessions SET last_seen_at = $2 WHERE id = $1 AND ended_at IS NULL AND expires_at > $2 RETURNING ${COLUMNS}`,
    [id, now],
  );
  const row = rows[0];
  if (!row) return null;
  const session = toSession(row);
  if (now.getTime() - asDate(row.role_checked_at).getTime() < roleCheckMs) return session;
  const role = deriveRole({ email: row.user_email, provider: row.provider, groups: groupsOf(row.groups) });
  if (!role) {
    await endSession(db, id, 'no role under the current configuration', now);
    return null;
  }
  await db.query('UPDATE console_sessions SET role = $2, role_checked_at = $3 WHERE id = $1', [id, role, now]);
  return { ...session, role };
}

/** Ends one session; true when it was open. Running it again changes nothing. */
export async function endSession(db: Db, id: string, reason: string, now = new Date()): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    'UPDATE console_sessions SET ended_at = $2, ended_reason = $3 WHERE id = $1 AND ended_at IS NULL RETURNING id',
    [id, now, reason],
  );
  return rows.length > 0;
}

/** Ends every open session of one user ("sign out everywhere"); returns the ids it ended. */
export async function endUserSessions(db: Db, email: string, reason: string, now = new Date()): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'UPDATE console_sessions SET ended_at = $2, ended_reason = $3 WHERE lower(user_email) = lower($1) AND ended_at IS NULL RETURNING id',
    [email, now, reason],
  );
  return rows.map((r) => r.id);
}

/** The sessions open now, newest sign-in first (bounded: the admin page shows at most `limit`). */
export async function listActiveSessions(
  db: Db,
  { now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {},
): Promise<ActiveSession[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM console_sessions WHERE ended_at IS NULL AND expires_at > $1 ORDER BY signed_in_at DESC, id LIMIT $2`,
    [now, limit],
  );
  return rows.map(toSession);
}
