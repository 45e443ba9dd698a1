'use client';

import { HealthCharts } from '@/components/health-charts/health-charts';
import { FindingsList } from '@/components/health-charts/findings-list';
import { Skeleton } from '@/components/ui/skeleton';
import type { ChannelHealthDto } from '@/lib/channel-health/types';
import type { ChannelType } from '@/lib/health/types';
import { RangePicker, rangeWords, saveRangeInUrl } from './health-range';
import { healthPlaceholderClass } from './health-placeholder';

interface Props {
  channelType: ChannelType;
  live: boolean;
  minutes: number;
  onMinutes: (m: number) => void;
  /** The health query's state (stream-health.tsx runs it). */
  data: ChannelHealthDto | undefined;
  pending: boolean;
  fetching: boolean;
  error: string | null;
}

/** Ingest metrics as charts with the type's limits, starvation shaded, and the findings, for the chosen window. */
export function StreamHealthSection({ channelType, live, minutes, onMinutes, data, pending, fetching, error }: Props) {
  const choose = (m: number) => {
    onMinutes(m);
    saveRangeInUrl(m);
  };
  return (
    <section
      id="stream-health"
      aria-labelledby="stream-health-heading"
      aria-busy={fetching}
      className="space-y-4 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="stream-health-heading" className="text-base font-semibold">
            Stream health
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            What the encoder sends (CloudWatch metrics) against the {channelType} channel type&apos;s limits
            {live ? ', refreshed every 10 seconds.' : '.'}
          </p>
        </div>
        <RangePicker value={minutes} onChange={choose} />
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {!data ? (
        pending && <Skeleton className={healthPlaceholderClass(live)} />
      ) : !data.hasData ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="health-no-data">
          No data: the channel has not been live in the last {rangeWords(Math.round((data.end - data.start) / 60_000))}.
        </p>
      ) : (
        <div className="space-y-6">
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
