import { NoAccess } from '@/components/shell/no-access';
import { requireUser } from '@/lib/auth/session';

// forbidden() from a console page (requireUser below the page's role) lands here, inside the shell's
// <main>, at the URL that was asked for and with a 403: the navigation and the account menu (sign-out,
// another account) stay at hand.
export default async function ConsoleForbidden() {
  const user = await requireUser('viewer');
  return <NoAccess email={user.email} role={user.role} />;
}
