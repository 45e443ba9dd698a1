'use client';

import { useQuery } from '@tanstack/react-query';
import { HttpError } from '@/lib/http/http-error';
import type { LiveStreamDto } from '@/lib/ivs/streams';

export type { LiveStreamDto };
export interface LiveState {
  fetchedAt: number;
  streams: LiveStreamDto[];
}

export const LIVE_REFRESH_MS = 10_000;

// Query keys for live state: one entry per region and set of channel ids.
export const liveKeys = {
  all: ['live-streams'] as const,
  region: (region: string) => [...liveKeys.all, region] as const,
  channels: (region: string, ids: readonly string[] | 'all') => [...liveKeys.region(region), ids] as const,
};

/** Exported for its test. */
export async function fetchLive(ids: readonly string[] | 'all'): Promise<LiveState> {
  const qs = ids === 'all' ? '' : `?ids=${encodeURIComponent(ids.join(','))}`;
  const res = await fetch(`/api/streams${qs}`, { headers: { accept: 'application/json' } });
  if (!res.ok)
    throw new HttpError(
      res.status,
      res.status === 401 ? 'Your session has ended. Sign in again.' : `Live state could not be refreshed (HTTP ${res.status}).`,
    );
  return (await res.json()) as LiveState;
}

/**
 * Live streams for these channel ids (or all), seeded by the server render and refreshed every 10 s.
 * With `initial` null (the server had no live state ready) the first fetch starts at once.
 */
export function useLiveStreams(region: string, ids: readonly string[] | 'all', initial: LiveState | null) {
  return useQuery({
    queryKey: liveKeys.channels(region, ids),
    queryFn: () => fetchLive(ids),
    initialData: initial ?? undefined,
    initialDataUpdatedAt: initial?.fetchedAt,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: LIVE_REFRESH_MS / 2,
  });
}
