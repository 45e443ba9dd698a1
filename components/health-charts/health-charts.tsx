'use client';

import dynamic from 'next/dynamic';
import { useId, useMemo, useState } from 'react';
import type { ChannelType, HealthMetrics } from '@/lib/health/types';
import { chartDefs, shadedRanges, summarize, toColumns, utcClock, duration, type ChartDef } from './chart-model';
import { useDarkTheme } from './chart-theme';

// Stream-health charts: one small chart per metric on a shared time axis, the channel type's limits,
// shaded periods and event markers. The text (headings, readouts, summaries, the shaded and marker
// lists) renders at once; the canvases come from uPlot, loaded on demand into slots of a fixed height
// so nothing moves when they arrive, and so no page that does not chart pays for the library.

export interface HealthChartsProps {
  /** The x window, epoch ms. */
  start: number;
  end: number;
  series: HealthMetrics;
  /** Limits come from limitsFor(channelType): max bitrate, max frame rate, the recommended 2 s keyframe interval. */
  channelType: ChannelType;
  /** BASIC's bitrate limit depends on it. */
  videoHeight?: number;
  /** E.g. starvation episodes; end null = still going (shaded to the window's end). */
  shaded?: { start: number; end: number | null; label: string }[];
  /** Session events on the time axis. */
  markers?: { time: number; label: string; severity: 'critical' | 'warning' | 'info' }[];
}

const CHART_HEIGHT = 150;

const UPlotChart = dynamic(() => import('./uplot-chart').then((m) => m.UPlotChart), {
  ssr: false,
  loading: () => (
    <div
      aria-hidden="true"
      className="animate-pulse rounded bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-900"
      style={{ height: CHART_HEIGHT }}
    />
  ),
});

const NO_SHADING: NonNullable<HealthChartsProps['shaded']> = [];
const NO_MARKERS: NonNullable<HealthChartsProps['markers']> = [];

export function HealthCharts({
  start,
  end,
  series,
  channelType,
  videoHeight,
  shaded = NO_SHADING,
  markers = NO_MARKERS,
}: HealthChartsProps) {
  const syncKey = useId();
  const dark = useDarkTheme();
  const [hover, setHover] = useState<number | null>(null);
  const defs = useMemo(() => chartDefs(channelType, videoHeight), [channelType, videoHeight]);
  const cols = useMemo(() => toColumns(series, defs, start, end), [series, defs, start, end]);
  const ranges = useMemo(() => shadedRanges(shaded, start, end), [shaded, start, end]);
  const shownMarkers = useMemo(() => markers.filter((m) => m.time >= start && m.time <= end), [markers, start, end]);

  return (
    <div className="space-y-4" data-testid="health-charts">
      <div className="grid gap-4 lg:grid-cols-2">
        {defs.map((def, j) => (
          <figure key={def.metric} data-metric={def.metric} className="min-w-0 space-y-1">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-sm font-medium">
                {def.label} <span className="font-normal text-zinc-600 dark:text-zinc-400">({def.unit})</span>
              </h3>
              <Readout def={def} xs={cols.xs} ys={cols.ys[j]} hover={hover} />
            </div>
            <div style={{ height: CHART_HEIGHT }}>
              <UPlotChart
                def={def}
                xs={cols.xs}
                ys={cols.ys[j]}
                start={start}
                end={end}
                shaded={ranges}
                markers={shownMarkers}
                dark={dark}
                height={CHART_HEIGHT}
                syncKey={syncKey}
                onHover={setHover}
              />
            </div>
            <figcaption className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="chart-summary">
              {summarize(def, cols.ys[j], cols.periodMs)}
            </figcaption>
          </figure>
        ))}
      </div>
      {ranges.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">Shaded periods</h3>
          <ul className="mt-1 space-y-0.5 text-xs text-zinc-700 dark:text-zinc-300" data-testid="shaded-periods">
            {ranges.map((r) => (
              <li key={`${r.start}-${r.label}`} data-testid="shaded-period">
                <span aria-hidden="true" className="mr-1.5 inline-block size-2.5 rounded-sm bg-amber-500/60 align-middle" />
                {r.label}: {utcClock(r.start)} to {r.ongoing ? 'now' : utcClock(r.end)} ({duration(r.end - r.start)}
                {r.ongoing ? ', still going' : ''})
              </li>
            ))}
          </ul>
        </div>
      )}
      {shownMarkers.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">Events on the time axis</h3>
          <ul className="mt-1 space-y-0.5 text-xs text-zinc-700 dark:text-zinc-300" data-testid="chart-markers">
            {shownMarkers.map((m, i) => (
              <li key={`${m.time}-${i}`} data-severity={m.severity}>
                {utcClock(m.time)}: {m.label} <span className="text-zinc-600 dark:text-zinc-400">({m.severity})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The value under the cursor (on every chart at once), else the newest value. */
function Readout({ def, xs, ys, hover }: { def: ChartDef; xs: number[]; ys: (number | null)[]; hover: number | null }) {
  let i = hover;
  if (i === null) for (let k = ys.length - 1; k >= 0 && i === null; k--) if (ys[k] !== null) i = k;
  if (i === null || i >= xs.length) return null;
  const v = ys[i];
  const value = v === null ? 'no data' : `${+v.toFixed(def.digits)} ${def.unit}`;
  return (
    <span className="text-xs text-zinc-700 tabular-nums dark:text-zinc-300">
      {hover === null ? 'latest' : utcClock(xs[i] * 1000)}: {value}
    </span>
  );
}
