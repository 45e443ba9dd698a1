import 'server-only';
import { after } from 'next/server';
import type { SessionUser } from '@/lib/auth/session';
import { runJobsInBackground } from '@/lib/jobs/server';
import { createJob, type NewJob } from '@/lib/jobs/store';
import { store } from '@/lib/store';

/** How long the work right after a start may run past the action's answer. */
export const AFTER_START_MS = 20_000;

/**
 * Stores the job (once per request id: a double submit or a retried request starts nothing new),
 * starts its work after the action's answer, and says which job it is.
 */
export async function startJob(user: SessionUser, job: Omit<NewJob, 'startedBy' | 'startedRole'>) {
  const created = await createJob(await store(), { ...job, startedBy: user.email, startedRole: user.role });
  after(() => runJobsInBackground(AFTER_START_MS));
  return { jobId: job.id, created, items: job.targets.length };
}
