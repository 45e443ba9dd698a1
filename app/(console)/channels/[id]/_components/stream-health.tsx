'use client';

import dynamic from 'next/dynamic';
import type { LiveState } from '@/components/channel-list/live-query';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChannelType } from '@/lib/health/types';
import { healthPlaceholderClass } from './health-placeholder';

// The stream-health section loads after the page: its code (query, findings, charts, and uPlot behind
// them) is not in the channel page's first-load JS, which sits at its budget.
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

export function StreamHealth(props: Props) {
  const live = props.initial.streams.length > 0;
  // The placeholder shows only while it is the wrapper's only child, i.e. until the section's code has
  // loaded and it renders beside it: no state, no effect, and the server HTML already has it.
  return (
    <div>
      <StreamHealthSection {...props} />
      <section
        aria-label="Stream health"
        className="hidden space-y-4 rounded-lg border border-zinc-200 p-5 only:block dark:border-zinc-800"
      >
        <p className="text-base font-semibold">Stream health</p>
        <Skeleton className={healthPlaceholderClass(live)} />
      </section>
    </div>
  );
}
