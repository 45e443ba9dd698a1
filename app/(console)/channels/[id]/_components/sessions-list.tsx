'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Time } from '@/components/ui/time';
import type { LiveState } from '@/components/channel-list/live-query';
import { HttpError } from '@/lib/http/http-error';
import type { StreamSessionSummaryDto } from '@/lib/ivs/streams';
import { useChannelLive } from './use-channel-live';

export interface SessionsState {
  sessions: StreamSessionSummaryDto[];
  error: string | null;
}

// One entry per channel. The list has no polling of its own: it is fetched again when the page's live
// state (the live panel's 10 s poll) says a stream started or ended.
const sessionKeys = {
  channel: (region: string, id: string) => ['stream-sessions', region, id] as const,
};

async function fetchSessions(id: string): Promise<SessionsState> {
  const res = await fetch(`/api/channels/${encodeURIComponent(id)}/sessions`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new HttpError(res.status, res.status === 401 ? 'Your session has ended. Sign in again.' : (body?.error ?? `HTTP ${res.status}`));
  }
  return { sessions: ((await res.json()) as { sessions: StreamSessionSummaryDto[] }).sessions, error: null };
}

// IVS may list a session a moment after GetStream reports it: ask again until the live one is there.
const LISTING_LAG_RETRY_MS = 3000;

/**
 * The channel's recent stream sessions, newest first, each linking to its session view; the live one
 * is marked. Starts from the server render and follows the live panel's polling (the same query).
 */
export function SessionsList({
  region,
  channelId,
  initial,
  initialLive,
}: {
  region: string;
  channelId: string;
  initial: SessionsState;
  initialLive: LiveState;
}) {
  const { stream } = useChannelLive(region, channelId, initialLive);
  const live = stream?.streamId ?? null;
  // Until IVS lists the live session, the list is not up to date with the live state.
  const listed = (state: SessionsState | undefined) => live === null || !!state?.sessions.some((s) => s.streamId === live);
  const query = useQuery({
    queryKey: sessionKeys.channel(region, channelId),
    queryFn: () => fetchSessions(channelId),
    initialData: initial.error ? undefined : initial,
    staleTime: Infinity,
    refetchInterval: (q) => (listed(q.state.data) ? false : LISTING_LAG_RETRY_MS),
  });
  const { refetch } = query;
  const seen = useRef<string | null>(initialLive.streams[0]?.streamId ?? null);
  useEffect(() => {
    if (seen.current === live) return;
    seen.current = live;
    void refetch();
  }, [live, refetch]);
  const data = query.data ?? initial;
  const refreshError = query.error instanceof Error ? query.error.message : null;

  if (data.error && !data.sessions.length) return <ErrorPanel title="Stream sessions could not be loaded" message={data.error} />;
  return (
    <>
      {refreshError && (
        <p role="alert" className="mb-2 text-sm text-red-800 dark:text-red-300">
          Stream sessions could not be refreshed: {refreshError}
        </p>
      )}
      {data.sessions.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No stream sessions yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {data.sessions.map((s) => (
            <li key={s.streamId} data-stream-id={s.streamId} className="flex flex-wrap items-center gap-3 py-2">
              <Link
                href={`/channels/${channelId}/sessions/${s.streamId}`}
                className="font-mono text-xs text-blue-700 hover:underline dark:text-blue-400"
              >
                {s.streamId}
              </Link>
              <span>
                <Time value={s.startTime} />
              </span>
              <span className="text-zinc-500 dark:text-zinc-400">→ {s.endTime ? <Time value={s.endTime} /> : 'now'}</span>
              {s.streamId === stream?.streamId ? <Badge tone="red">Live</Badge> : !s.endTime && <Badge>Ending</Badge>}
              {s.hasErrorEvent && <Badge tone="yellow">Has errors</Badge>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
