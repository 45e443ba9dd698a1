'use client';

import { Badge } from '@/components/ui/badge';
import { Time } from '@/components/ui/time';
import type { SessionHealth } from '@/lib/session-health/types';
import { EventTimeline } from './event-timeline';
import { IngestLimitTables } from './ingest-limit-tables';
import { SessionFindings } from './session-findings';
import { SessionCharts } from './session-charts';
import { SESSION_REFRESH_MS, useSessionHealth } from './session-health-query';

/** A stream session's health: charts over its window, findings, ingest against limits, and events. */
export function SessionHealthView({ initial }: { initial: SessionHealth }) {
  const query = useSessionHealth(initial);
  const h = query.data ?? initial;
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Started</dt>
          <dd>
            <Time value={h.startTime} />
          </dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Ended</dt>
          <dd>{h.endTime ? <Time value={h.endTime} /> : <Badge tone="red">Live</Badge>}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Channel type</dt>
          <dd>{h.channelType}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Recording configuration</dt>
          <dd>{h.recordingConfigurationName || 'None'}</dd>
        </div>
      </dl>
      <section
        aria-labelledby="charts"
        className="space-y-2"
        data-window-start={new Date(h.window.start).toISOString()}
        data-window-end={new Date(h.window.end).toISOString()}
      >
        <h2 id="charts" className="text-base font-semibold">
          Stream health over the session
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {h.live ? `Live: refreshing every ${SESSION_REFRESH_MS / 1000} s, last at ` : 'Ended session, '}
          <Time value={h.fetchedAt} />
          {h.period > 0 && ` · ${h.period}-second resolution`}
          {query.isError && ` · Could not refresh: ${query.error.message}`}
        </p>
        {h.metricsNote && (
          <p role="note" className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
            {h.metricsNote}
          </p>
        )}
        <SessionCharts
          start={h.window.start}
          end={h.window.end}
          series={h.series}
          channelType={h.channelType}
          videoHeight={h.videoHeight}
          shaded={h.shaded}
          markers={h.markers}
        />
      </section>
      <SessionFindings findings={h.findings} checked={h.checked} />
      <IngestLimitTables tables={h.ingestTables} channelType={h.channelType} />
      <EventTimeline events={h.events} />
    </div>
  );
}
