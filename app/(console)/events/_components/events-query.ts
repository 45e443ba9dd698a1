'use client';

import { useQuery } from '@tanstack/react-query';
import { HttpError } from '@/lib/http/http-error';
import type { ConsoleEvent } from '@/lib/events/types';

export interface EventsPageDto {
  events: ConsoleEvent[];
  next: string | null;
}

/** How often the newest page asks for new events. */
export const EVENTS_REFRESH_MS = 5_000;

// Query keys for the feed: one entry per filtered view (its query string).
export const eventKeys = {
  all: ['events'] as const,
  list: (query: string) => [...eventKeys.all, query] as const,
};

async function fetchEvents(query: string): Promise<EventsPageDto> {
  const res = await fetch(`/api/events${query ? `?${query}` : ''}`, { headers: { accept: 'application/json' } });
  if (!res.ok)
    throw new HttpError(
      res.status,
      res.status === 401 ? 'Your session has ended. Sign in again.' : `Events could not be refreshed (HTTP ${res.status}).`,
    );
  return (await res.json()) as EventsPageDto;
}

/** The feed's newest page, seeded by the server render and polled so new events appear at the top; older pages stay as rendered. */
export function useEvents(query: string, initial: EventsPageDto, live: boolean) {
  return useQuery({
    queryKey: eventKeys.list(query),
    queryFn: () => fetchEvents(query),
    initialData: initial,
    refetchInterval: live ? EVENTS_REFRESH_MS : false,
    enabled: live,
    staleTime: EVENTS_REFRESH_MS / 2,
  });
}
