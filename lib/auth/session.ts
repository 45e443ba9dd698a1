import 'server-only';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from '@/lib/auth/config';
import { hasRole, isRole, type Role } from '@/lib/auth/roles';
import { memoGet, memoSet, sessionTokenKey } from '@/lib/auth/session-memo';

export interface SessionUser {
  email: string;
  name: string;
  role: Role;
  /** The console session (lib/auth/sessions.ts) this request belongs to. */
  sessionId: string;
  /** When this session's user signed in (epoch ms). */
  signedInAt: number;
}

// auth() in a server component runs Auth.js's whole session endpoint: it decrypts the JWE, then
// encrypts a refreshed one for a Set-Cookie header that a page cannot send anyway. A page view used
// to do that 3 to 4 times (layout, region, page) before its first IVS call could start. The user
// inside a given token changes only when its session is ended or its role re-derived (Auth.js's jwt
// callback asks the store, lib/auth/config.ts), so the answer is kept per token for a short while
// (lib/auth/session-memo.ts, also read by proxy.ts), which bounds how late a change elsewhere is seen.
// `expires` is when the token in this request's cookie expires (epoch ms), which bounds the memo.
async function readSession(): Promise<{ user: SessionUser | null; expires: number }> {
  const session = await auth();
  const expires = Date.parse(session?.tokenExpires ?? '');
  const user = session?.user as { email?: string | null; name?: string | null; role?: unknown } | undefined;
  const signedInAt = Date.parse(session?.signedInAt ?? '');
  if (!user?.email || !isRole(user.role) || !session?.sessionId || Number.isNaN(signedInAt)) return { user: null, expires };
  return { user: { email: user.email, name: user.name ?? user.email, role: user.role, sessionId: session.sessionId, signedInAt }, expires };
}

/** The signed-in user with a valid role, or null. The role comes from the server-side session token. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const key = sessionTokenKey((await cookies()).getAll());
  if (!key) return null; // no session cookie: nothing for Auth.js to read
  const hit = memoGet(key);
  if (hit) return hit;
  const { user, expires } = await readSession();
  memoSet(key, user, expires);
  return user;
});

/**
 * For pages: redirects to sign-in without a session; below the role, forbidden() renders the console's
 * refusal (app/(console)/forbidden.tsx) with a 403 at the same URL (a redirect would answer 200).
 */
export async function requireUser(role: Role = 'viewer'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
