import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ROLE_DESCRIPTIONS, type Role } from '@/lib/auth/roles';

/**
 * "You don't have access": the whole page's message (an h1), shown inside the console shell so the
 * navigation and the account menu (sign-out, another account) stay at hand. Any refusal of a page
 * renders this one component, whatever the route does to get here.
 */
export function NoAccess({ email, role }: { email: string; role: Role }) {
  return (
    <EmptyState
      headingLevel={1}
      title="You don’t have access to this page"
      description={`You are signed in as ${email} with the ${role} role (${ROLE_DESCRIPTIONS[role].toLowerCase()}). Ask an administrator if you need more, or sign in with another account from the account menu.`}
      action={<ButtonLink href="/channels">Back to channels</ButtonLink>}
    />
  );
}
