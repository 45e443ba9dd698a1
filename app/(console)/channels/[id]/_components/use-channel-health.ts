'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LIVE_REFRESH_MS } from '@/components/channel-list/live-query';
import { HttpError, shouldRetryQuery } from '@/lib/http/http-error';
import type { ChannelHealthDto } from '@/lib/channel-health/types';

export const healthKeys = {
  all: ['channel-health'] as const,
  channel: (region: string, id: string, minutes: number) => [...healthKeys.all, region, id, minutes] as const,
};

async function fetchHealth(id: string, minutes: number): Promise<ChannelHealthDto> {
  const res = await fetch(`/api/channels/${encodeURIComponent(id)}/health?minutes=${minutes}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new HttpError(
      res.status,
      res.status === 401
        ? 'Your session has ended. Sign in again.'
        : (body?.error ?? `Stream health could not be loaded (HTTP ${res.status}).`),
    );
  }
  return (await res.json()) as ChannelHealthDto;
}

/**
 * The channel's stream health over the last `minutes`, refreshed with the live state's 10 s rhythm
 * while the channel is live; offline it stops polling and keeps the last window. A new range keeps
 * the previous charts up until its own answer arrives, so nothing flashes empty.
 */
export function useChannelHealth(region: string, id: string, minutes: number, live: boolean) {
  return useQuery({
    queryKey: healthKeys.channel(region, id, minutes),
    queryFn: () => fetchHealth(id, minutes),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    staleTime: LIVE_REFRESH_MS / 2,
    retry: shouldRetryQuery,
  });
}
