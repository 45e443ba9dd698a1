import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth/config';
import { hasRole, isRole, type Role } from '@/lib/auth/roles';

export interface SessionUser {
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user with a valid role, or null. The role comes from the server-side session token. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user as { email?: string | null; name?: string | null; role?: unknown } | undefined;
  if (!user?.email || !isRole(user.role)) return null;
  return { email: user.email, name: user.name ?? user.email, role: user.role };
}

/** For pages: redirects to sign-in without a session, and to /forbidden below the role. */
export async function requireUser(role: Role = 'viewer'): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  if (!hasRole(user.role, role)) redirect('/forbidden');
  return user;
}
