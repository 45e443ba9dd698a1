import type { Metadata } from 'next';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ROLE_DESCRIPTIONS } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Not allowed' };

export default async function ForbiddenPage() {
  const user = await getSessionUser();
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <EmptyState
        title="You don’t have access to this page"
        description={
          user
            ? `You are signed in as ${user.email} with the ${user.role} role (${ROLE_DESCRIPTIONS[user.role].toLowerCase()}). Ask an administrator if you need more.`
            : 'Sign in with an account that has the needed role.'
        }
        action={<ButtonLink href={user ? '/channels' : '/login'}>{user ? 'Back to channels' : 'Sign in'}</ButtonLink>}
      />
    </main>
  );
}
