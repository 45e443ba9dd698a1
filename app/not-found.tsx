import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <EmptyState
        title="Page not found"
        description="There is nothing at this address. The resource may have been deleted, or the link is wrong."
        action={<ButtonLink href="/channels">Go to channels</ButtonLink>}
      />
    </main>
  );
}
