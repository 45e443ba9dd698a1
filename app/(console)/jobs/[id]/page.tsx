import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JobProgress } from '@/components/jobs/job-progress';
import { jobSettings, jobTitle } from '@/components/jobs/job-status';
import { Providers } from '@/components/providers';
import { PageHeader } from '@/components/ui/page-header';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { formatTime } from '@/lib/format/time';
import { getJob } from '@/lib/jobs/store';
import { store } from '@/lib/store';

export const metadata: Metadata = { title: 'Job' };

// One job: its progress and every item's result, live while it runs; cancel and retry for operators.
export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('viewer');
  const { id } = await params;
  const job = /^[0-9a-f-]{36}$/i.test(id) ? await getJob(await store(), id) : undefined;
  if (!job) notFound();
  return (
    <>
      <PageHeader
        title={jobTitle(job)}
        description={`Started by ${job.startedBy} on ${formatTime(job.createdAt)} in ${job.region}: ${jobSettings(job)}.`}
      />
      <Providers>
        <JobProgress jobId={job.id} initial={job} canAct={hasRole(user.role, 'operator')} />
      </Providers>
    </>
  );
}
