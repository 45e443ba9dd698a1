'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LIVE_REFRESH_MS } from '@/components/channel-list/live-query';
import { HttpError } from '@/lib/http/http-error';
import type { BoardPage } from '@/lib/live-board/types';

// The board asks the server for a ranked page, not for a fixed list of channel ids: a channel that
// goes live after the page loaded is ranked in on the next refresh (the old /live polled the ids of its
// first render, so it never showed one).
export const boardKeys = {
  all: ['live-board'] as const,
  region: (region: string) => [...boardKeys.all, region] as const,
  page: (region: string, page: number) => [...boardKeys.region(region), page] as const,
};

// The region is named in the request: with "All regions" one page polls a board per region.
async function fetchBoard(region: string, page: number): Promise<BoardPage> {
  const query = new URLSearchParams({ page: String(page), region });
  const res = await fetch(`/api/live/board?${query}`, { headers: { accept: 'application/json' } });
  if (!res.ok)
    throw new HttpError(
      res.status,
      res.status === 401 ? 'Your session has ended. Sign in again.' : `The board could not be refreshed (HTTP ${res.status}).`,
    );
  return (await res.json()) as BoardPage;
}

/** One page of the board, seeded by the server render and refreshed every 10 s. */
export function useBoard(region: string, page: number, initial: BoardPage) {
  return useQuery({
    queryKey: boardKeys.page(region, page),
    queryFn: () => fetchBoard(region, page),
    // The server rendered this page of the board: no fetch at hydration, the first refresh in 10 s.
    initialData: initial.page === page ? initial : undefined,
    initialDataUpdatedAt: initial.fetchedAt,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: LIVE_REFRESH_MS / 2,
  });
}
