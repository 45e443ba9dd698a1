'use client';

import { useQuery } from '@tanstack/react-query';
import { HttpError } from '@/lib/http/http-error';
import type { SessionHealth } from '@/lib/session-health/types';

// A live session's charts and findings move every few seconds; CloudWatch's 5-second periods make
// anything faster pointless. An ended session never changes, so it is not polled at all.
export const SESSION_REFRESH_MS = 10_000;

export const sessionHealthKeys = {
  all: ['session-health'] as const,
  detail: (channelId: string, streamId: string) => [...sessionHealthKeys.all, channelId, streamId] as const,
};

/** The route's answer, or an HttpError carrying its status (401 and 404 are not retried). */
export async function fetchSessionHealth(channelId: string, streamId: string): Promise<SessionHealth> {
  const res = await fetch(`/api/channels/${encodeURIComponent(channelId)}/sessions/${encodeURIComponent(streamId)}/health`, {
    headers: { accept: 'application/json' },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new HttpError(
      res.status,
      res.status === 401
        ? 'Your session has ended. Sign in again.'
        : (body?.error ?? `Stream health could not be refreshed (HTTP ${res.status}).`),
    );
  }
  return (await res.json()) as SessionHealth;
}

/** The session's health, seeded by the server render; refreshed every 10 s only while the session is live. */
export function useSessionHealth(initial: SessionHealth) {
  return useQuery({
    queryKey: sessionHealthKeys.detail(initial.channelId, initial.streamId),
    queryFn: () => fetchSessionHealth(initial.channelId, initial.streamId),
    initialData: initial,
    initialDataUpdatedAt: initial.fetchedAt,
    refetchInterval: (query) => (query.state.data?.live ? SESSION_REFRESH_MS : false),
    refetchOnWindowFocus: (query) => Boolean(query.state.data?.live),
    staleTime: SESSION_REFRESH_MS / 2,
  });
}
