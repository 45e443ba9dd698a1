// Shared by lib/auth/session.ts (pages, routes, actions) and proxy.ts: which session tokens were
// recently read by Auth.js, and as whom. On globalThis because proxy.ts and every route bundle load
// their own copy of this module in the same process. The key is the token itself, which only the
// server can mint; an entry lives SESSION_MEMO_MS, so a token stays usable for at most that long
// past its own expiry.
// It is also how long a request may go without asking the store whether its session is still open
// (lib/auth/sessions.ts): a session ended in this process is forgotten here at once
// (memoForgetSession); one ended by another instance sharing the PostgreSQL store is refused here
// within SESSION_MEMO_MS, and a role changed by the configuration within that plus the role check interval.
export interface MemoUser {
  email: string;
  name: string;
  role: 'viewer' | 'operator' | 'admin';
  sessionId: string;
  /** When this session's user signed in (epoch ms): reveals want a recent sign-in. */
  signedInAt: number;
}

export const SESSION_MEMO_MS = 30_000;
const MEMO_MAX = 1000;
type Memo = Map<string, { user: MemoUser; until: number }>;
const memo: Memo = ((globalThis as { __consoleSessionMemo?: Memo }).__consoleSessionMemo ??= new Map());

/** Auth.js's session cookie(s): authjs.session-token, __Secure- prefixed over https, .0/.1 when chunked. */
export function sessionTokenKey(cookies: { name: string; value: string }[]): string | null {
  const parts = cookies
    .filter((c) => /(^|-)authjs\.session-token(\.\d+)?$/.test(c.name))
    .map((c) => `${c.name}=${c.value}`)
    .sort();
  return parts.length ? parts.join(';') : null;
}

export function memoGet(key: string): MemoUser | null {
  const hit = memo.get(key);
  return hit && hit.until > Date.now() ? hit.user : null;
}

/**
 * Remembers who `key` belongs to until min(now + SESSION_MEMO_MS, expires), `expires` being the
 * token's own expiry in epoch ms. A null user, or an unknown (NaN) or past expiry, forgets the key.
 */
export function memoSet(key: string, user: MemoUser | null, expires: number): void {
  const until = Math.min(Date.now() + SESSION_MEMO_MS, expires);
  if (!user || !(until > Date.now())) {
    memo.delete(key);
    return;
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, { user, until });
}

/** Forgets every token of one session at once (signed out or ended by an admin in this process). */
export function memoForgetSession(sessionId: string): void {
  for (const [key, entry] of memo) if (entry.user.sessionId === sessionId) memo.delete(key);
}
