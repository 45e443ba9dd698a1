import { after } from 'next/server';
import { guardedRoute } from '@/lib/auth/route';
import { runJobsInBackground } from '@/lib/jobs/server';
import { getJob } from '@/lib/jobs/store';
import { store } from '@/lib/store';

/** How long a poll's background work may run: a page polls every second or two. */
const AFTER_POLL_MS = 5_000;

// One job with its items, for its progress view. An open job page also moves the work on (after the
// answer), so on a host where nothing runs between requests a job advances while someone watches it.
export const GET = guardedRoute<{ id: string }>('viewer', async (_req, { params }) => {
  const job = await getJob(await store(), params.id);
  if (!job) return Response.json({ error: 'No such job.', code: 'NotFound' }, { status: 404 });
  if (job.status === 'running') after(() => runJobsInBackground(AFTER_POLL_MS));
  return Response.json(job);
});
