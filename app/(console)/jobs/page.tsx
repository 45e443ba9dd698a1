import type { Metadata } from 'next';
import { JobsTable } from '@/components/jobs/jobs-table';
import { Providers } from '@/components/providers';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { listJobs } from '@/lib/jobs/store';
import { store } from '@/lib/store';

export const metadata: Metadata = { title: 'Jobs' };

// Bulk work the server runs, everyone's: a job goes on when its starter closes the tab.
export default async function JobsPage() {
  await requireUser('viewer');
  const jobs = await listJobs(await store());
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Bulk changes the server is running or has run, for everyone, newest first. A job goes on when the page that started it closes; all jobs share each IVS operation's rate limit."
      />
      {jobs.length === 0 ? (
        <EmptyState title="No jobs yet" description="Bulk tagging on the channel list starts one." />
      ) : (
        <Providers>
          <JobsTable initial={jobs} />
        </Providers>
      )}
    </>
  );
}
