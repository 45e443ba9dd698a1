import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/lib/auth/config';
import { hasRole, isRole, type Role } from '@/lib/auth/roles';

export interface SessionUser {
  email: string;
  name: string;
  role: Role;
}

// auth() in a server component runs Auth.js's whole session endpoint: it decrypts the JWE, then
// encrypts a refreshed one for a Set-Cookie header that a page cannot send anyway. A page view used
// to do that 3 to 4 times (layout, region, page) before its first IVS call could start. The user
// inside a given token never changes (the role rides in the encrypted token), so the answer is kept
// per token value for a short while. The key is the token itself, which only the server can mint;
// a token stays usable for at most SESSION_MEMO_MS past its own expiry.
export const SESSION_MEMO_MS = 30_000;
const MEMO_MAX = 1000;
type Memo = Map<string, { user: SessionUser; until: number }>;
const memo: Memo = ((globalThis as { __consoleSessionMemo?: Memo }).__consoleSessionMemo ??= new Map());

// Auth.js names the cookie authjs.session-token (__Secure- prefixed over https, .0/.1 when chunked).
async function sessionTokenKey(): Promise<string | null> {
  const parts = (await cookies())
    .getAll()
    .filter((c) => /(^|-)authjs\.session-token(\.\d+)?$/.test(c.name))
    .map((c) => `${c.name}=${c.value}`)
    .sort();
  return parts.length ? parts.join(';') : null;
}

async function readSession(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user as { email?: string | null; name?: string | null; role?: unknown } | undefined;
  if (!user?.email || !isRole(user.role)) return null;
  return { email: user.email, name: user.name ?? user.email, role: user.role };
}

/** The signed-in user with a valid role, or null. The role comes from the server-side session token. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const key = await sessionTokenKey();
  if (!key) return null; // no session cookie: nothing for Auth.js to read
  const hit = memo.get(key);
  if (hit && hit.until > Date.now()) return hit.user;
  const user = await readSession();
  if (user) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, { user, until: Date.now() + SESSION_MEMO_MS });
  } else {
    memo.delete(key);
  }
  return user;
});

/** For pages: redirects to sign-in without a session, and to /forbidden below the role. */
export async function requireUser(role: Role = 'viewer'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (!hasRole(user.role, role)) redirect('/forbidden');
  return user;
}
