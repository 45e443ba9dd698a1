import { guardedRoute } from '@/lib/auth/route';
import { listJobs } from '@/lib/jobs/store';
import { store } from '@/lib/store';

// /jobs polls this: everyone's jobs, newest first (any signed-in role may watch them).
export const GET = guardedRoute('viewer', async () => Response.json({ jobs: await listJobs(await store()) }));
