'use client';

import { useQueryClient } from '@tanstack/react-query';
import { liveKeys, useLiveStreams, type LiveState } from '@/components/channel-list/live-query';

/** This channel's live stream (or undefined), polled every 10 s; shared by the live panel and delete. */
export function useChannelLive(region: string, id: string, initial: LiveState) {
  const query = useLiveStreams(region, [id], initial);
  const client = useQueryClient();
  return {
    stream: query.data?.streams.find((s) => s.channelId === id),
    error: query.isError ? query.error.message : null,
    refresh: () => client.invalidateQueries({ queryKey: liveKeys.region(region) }),
  };
}
