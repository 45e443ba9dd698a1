'use client';

import { useState } from 'react';
import { HealthCharts } from '@/components/health-charts/health-charts';
import { FindingsList } from '@/components/health-charts/findings-list';
import type { LiveState } from '@/components/channel-list/live-query';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChannelType } from '@/lib/health/types';
import { RangePicker, rangeFromUrl, rangeWords, saveRangeInUrl } from './health-range';
import { healthPlaceholderClass } from './health-placeholder';
import { useChannelHealth } from './use-channel-health';
import { useChannelLive } from './use-channel-live';

interface Props {
  region: string;
  id: string;
  channelType: ChannelType;
  initial: LiveState;
}

/** Ingest metrics as charts with the type's limits, starvation shaded, and the findings, for the chosen window. */
export function StreamHealthSection({ region, id, channelType, initial }: Props) {
  const [minutes, setMinutes] = useState(rangeFromUrl);
  const { stream } = useChannelLive(region, id, initial);
  const query = useChannelHealth(region, id, minutes, !!stream);
  const data = query.data;
  const choose = (m: number) => {
    setMinutes(m);
    saveRangeInUrl(m);
  };

  return (
    <section
      id="stream-health"
      aria-labelledby="stream-health-heading"
      aria-busy={query.isFetching}
      className="space-y-4 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="stream-health-heading" className="text-base font-semibold">
            Stream health
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            What the encoder sends (CloudWatch metrics) against the {channelType} channel type&apos;s limits
            {stream ? ', refreshed every 10 seconds.' : '.'}
          </p>
        </div>
        <RangePicker value={minutes} onChange={choose} />
      </div>
      {query.isError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {query.error instanceof Error ? query.error.message : 'Stream health could not be loaded.'}
        </p>
      )}
      {!data ? (
        query.isPending && <Skeleton className={healthPlaceholderClass(!!stream)} />
      ) : !data.hasData ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="health-no-data">
          No data: the channel has not been live in the last {rangeWords(Math.round((data.end - data.start) / 60_000))}.
        </p>
      ) : (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <HealthCharts
            start={data.start}
            end={data.end}
            series={data.series}
            channelType={data.channelType}
            videoHeight={data.session?.videoHeight}
            shaded={data.shaded}
            markers={data.markers}
          />
          <div className="space-y-2">
            <h3 className="text-sm font-medium">Findings</h3>
            <FindingsList findings={data.findings} empty="Nothing to report: the stream looks healthy in this window." />
          </div>
        </div>
      )}
    </section>
  );
}
