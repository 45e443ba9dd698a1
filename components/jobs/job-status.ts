import type { JobSummary } from '@/lib/jobs/types';

// Client-safe wording shared by a job's progress view and the /jobs list.

/** "Working: 12 of 300 done, 1 failed", "Finished: …", "Cancelled: …". */
export function jobStatusLine(job: JobSummary): string {
  const head = job.status === 'running' ? 'Working' : job.status === 'cancelled' ? 'Cancelled' : 'Finished';
  return (
    `${head}: ${job.done} of ${job.total} done` +
    (job.failed ? `, ${job.failed} failed` : '') +
    (job.cancelled ? `, ${job.cancelled} not started` : '')
  );
}

/** IVS calls per second since the job started (until it ended). */
export function jobRate(job: JobSummary, now = Date.now()): number {
  const seconds = ((job.finishedAt ?? now) - job.createdAt) / 1000;
  return seconds > 0 ? job.calls / seconds : 0;
}
