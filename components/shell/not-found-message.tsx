import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

/** The "nothing here" message, without a landmark: the caller decides whether it sits in a <main>. */
export function NotFoundMessage() {
  return (
    <EmptyState
      headingLevel={1}
      title="Page not found"
      description="There is nothing at this address. The resource may have been deleted, or the link is wrong."
      action={<ButtonLink href="/channels">Go to channels</ButtonLink>}
    />
  );
}
