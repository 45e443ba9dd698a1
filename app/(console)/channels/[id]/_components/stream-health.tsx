'use client';

import dynamic from 'next/dynamic';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { LiveState } from '@/components/channel-list/live-query';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChannelType } from '@/lib/health/types';
import { healthPlaceholderClass, rangeFrom } from './health-placeholder';
import { useChannelHealth } from './use-channel-health';
import { useChannelLive } from './use-channel-live';

// The stream-health section's drawing (charts, findings, and uPlot behind them) loads after the page,
// so it is not in the channel page's first-load JS, which sits at its budget. The queries stay here,
// in the page's own code: the polling starts with the page, and the lazy part shares no module with
// the other routes, which would make the bundler re-split their shared TanStack Query chunk.
const StreamHealthSection = dynamic(() => import('./stream-health-section').then((m) => m.StreamHealthSection), {
  ssr: false,
  loading: () => null,
});

interface Props {
  region: string;
  id: string;
  channelType: ChannelType;
  initial: LiveState;
}

export function StreamHealth({ region, id, channelType, initial }: Props) {
  const [minutes, setMinutes] = useState(rangeFrom(useSearchParams().get('health')));
  const { stream } = useChannelLive(region, id, initial);
  const query = useChannelHealth(region, id, minutes, !!stream);
  // The placeholder shows only while it is the wrapper's only child, i.e. until the section's code has
  // loaded and it renders beside it: no state, no effect, and the server HTML already has it.
  return (
    <div>
      <StreamHealthSection
        channelType={channelType}
        live={!!stream}
        minutes={minutes}
        onMinutes={setMinutes}
        data={query.data}
        pending={query.isPending}
        fetching={query.isFetching}
        error={query.isError ? (query.error instanceof Error ? query.error.message : 'Stream health could not be loaded.') : null}
      />
      <section
        aria-label="Stream health"
        className="hidden space-y-4 rounded-lg border border-zinc-200 p-5 only:block dark:border-zinc-800"
      >
        <p className="text-base font-semibold">Stream health</p>
        <Skeleton className={healthPlaceholderClass(initial.streams.length > 0)} />
      </section>
    </div>
  );
}
