import type { Metadata } from 'next';
import { NoAccess } from '@/components/shell/no-access';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Not allowed' };

// requireUser(role) sends every page a user's role does not allow here. Inside the console group, so
// the shell (navigation, account menu with sign-out) is around it; without a session the layout
// sends the browser to /login.
export default async function ForbiddenPage() {
  const user = await requireUser('viewer');
  return <NoAccess email={user.email} role={user.role} />;
}
