'use client';

import { useQuery } from '@tanstack/react-query';
import { HttpError } from '@/lib/http/http-error';
import type { Job, JobSummary } from '@/lib/jobs/types';

/** How often an open job is read while it runs (its page's poll also moves it on where nothing else does). */
export const JOB_POLL_MS = 1000;
const LIST_POLL_MS = 2000;

export const jobKeys = {
  all: ['jobs'] as const,
  one: (id: string) => ['jobs', id] as const,
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok)
    throw new HttpError(
      res.status,
      res.status === 401 ? 'Your session has ended. Sign in again.' : `The job could not be read (HTTP ${res.status}).`,
    );
  return (await res.json()) as T;
}

/** One job with its items, read every second while it runs. */
export function useJob(id: string, initial?: Job) {
  return useQuery({
    queryKey: jobKeys.one(id),
    queryFn: () => getJson<Job>(`/api/jobs/${encodeURIComponent(id)}`),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? JOB_POLL_MS : false),
    staleTime: 0,
  });
}

/** Everyone's jobs, read every 2 s while any runs. */
export function useJobList(initial: JobSummary[]) {
  return useQuery({
    queryKey: jobKeys.all,
    queryFn: async () => (await getJson<{ jobs: JobSummary[] }>('/api/jobs')).jobs,
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === 'running') ? LIST_POLL_MS : false),
    staleTime: 0,
  });
}
