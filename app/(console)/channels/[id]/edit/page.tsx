import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

// Placeholder from the shell; the feature owner replaces this page.
export default async function Page() {
  await requireUser('operator');
  return (
    <>
      <PageHeader title="Edit channel" description="Change the channel's settings." />
      <EmptyState title="Coming soon" description="This part of the console is being built." />
    </>
  );
}
