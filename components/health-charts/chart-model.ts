import { limitsFor } from '@/lib/health/channel-limits';
import { KEYFRAME_TOLERANCE_S } from '@/lib/health/rules/keyframe-interval';
import type { ChannelType, HealthMetricName, HealthMetrics, Series } from '@/lib/health/types';

// What the charts draw, as pure data: one definition per metric, the series shaped into uPlot's
// columnar arrays (with nulls where the stream was not sending, so gaps stay gaps), and the text
// summary each chart carries for screen readers and sighted users alike. No uPlot import here, so
// the summaries render before (and without) the chart library.

export interface Limit {
  value: number;
  /** 'limit': the channel type refuses more; 'recommended': what IVS asks for. */
  kind: 'limit' | 'recommended';
  label: string;
}

export interface ChartDef {
  metric: HealthMetricName;
  label: string;
  unit: string;
  /** Multiplies CloudWatch's value into the chart's unit (audio arrives in Mbps, is shown in kbps). */
  scale: number;
  /** Decimals for readouts and summaries. */
  digits: number;
  limit: Limit | null;
}

const fmt = (v: number, digits: number) =>
  v
    .toFixed(digits)
    .replace(/\.0+$/, '')
    .replace(/(\.\d*?)0+$/, '$1');

/** The five charts of a channel type, in display order, with the limit lines that type has. */
export function chartDefs(channelType: ChannelType, videoHeight?: number): ChartDef[] {
  const limits = limitsFor(channelType);
  const maxBitrate = limits.maxBitrateMbps(videoHeight);
  const keyframe = Math.max(...limits.keyframeIntervals);
  return [
    {
      metric: 'IngestVideoBitrate',
      label: 'Video bitrate',
      unit: 'Mbps',
      scale: 1,
      digits: 2,
      limit: { value: maxBitrate, kind: 'limit', label: `${channelType} limit ${fmt(maxBitrate, 2)} Mbps` },
    },
    { metric: 'IngestAudioBitrate', label: 'Audio bitrate', unit: 'kbps', scale: 1000, digits: 0, limit: null },
    {
      metric: 'IngestFramerate',
      label: 'Frame rate',
      unit: 'fps',
      scale: 1,
      digits: 1,
      limit: { value: limits.maxFramerate, kind: 'limit', label: `${channelType} limit ${limits.maxFramerate} fps` },
    },
    {
      metric: 'KeyframeInterval',
      label: 'Keyframe interval',
      unit: 's',
      scale: 1,
      digits: 1,
      limit: { value: keyframe, kind: 'recommended', label: `recommended ${keyframe} s` },
    },
    { metric: 'ConcurrentViews', label: 'Viewers', unit: 'viewers', scale: 1, digits: 0, limit: null },
  ];
}

/** The most common spacing between a series' points, ms (5 s, CloudWatch's high-resolution period, when unknown). */
export function periodMs(s: Series | undefined): number {
  const t = s?.timestamps ?? [];
  const gaps = t
    .slice(1)
    .map((x, i) => x - t[i])
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 5_000;
}

export interface Columns {
  /** Shared x values in seconds (uPlot's time unit), ascending. */
  xs: number[];
  /** One array per ChartDef, in the same order, in the chart's unit; null = no point (a gap). */
  ys: (number | null)[][];
  periodMs: number;
}

/**
 * Every metric on one x axis (the union of their timestamps inside [start, end]), so the synced
 * cursor reads the same instant on each chart. Where two neighbouring points are further apart than
 * 1.5 periods a null row is inserted: uPlot then breaks the line instead of drawing across the gap.
 */
export function toColumns(series: HealthMetrics, defs: ChartDef[], start: number, end: number): Columns {
  const byMetric = defs.map((d) => {
    const s = series[d.metric];
    const m = new Map<number, number>();
    s?.timestamps.forEach((t, i) => {
      const v = s.values[i];
      if (t >= start && t <= end && Number.isFinite(v)) m.set(t, v * d.scale);
    });
    return m;
  });
  const period = Math.min(...defs.map((d) => periodMs(series[d.metric])));
  const times = [...new Set(byMetric.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const xs: number[] = [];
  const ys: (number | null)[][] = defs.map(() => []);
  times.forEach((t, i) => {
    if (i > 0 && t - times[i - 1] > period * 1.5) {
      xs.push((times[i - 1] + period) / 1000);
      ys.forEach((col) => col.push(null));
    }
    xs.push(t / 1000);
    byMetric.forEach((m, j) => ys[j].push(m.get(t) ?? null));
  });
  return { xs, ys, periodMs: period };
}

/** "45 s", "2 min", "1 min 30 s", "1 h 05 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 && s < 600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.round(s / 60)} min`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** Whether a value breaks the chart's line: over a limit, or off the recommended keyframe interval. */
function isOver(def: ChartDef, v: number): boolean {
  if (!def.limit) return false;
  if (def.metric === 'KeyframeInterval') return v > def.limit.value + KEYFRAME_TOLERANCE_S;
  return v > def.limit.value;
}

/**
 * One chart's summary in plain English: "Keyframe interval: min 2, average 3.1, max 4 s. Above the
 * recommended 2 s for 6 min." ("no data" when the window has no point.)
 */
export function summarize(def: ChartDef, values: (number | null)[], period: number): string {
  const vs = values.filter((v): v is number => v !== null);
  if (!vs.length) return `${def.label}: no data in this window.`;
  const min = Math.min(...vs);
  const max = Math.max(...vs);
  const avg = vs.reduce((a, b) => a + b, 0) / vs.length;
  const unit = def.unit === 'viewers' ? ' viewers' : ` ${def.unit}`;
  const stats = `${def.label}: min ${fmt(min, def.digits)}, average ${fmt(avg, def.digits)}, max ${fmt(max, def.digits)}${unit}.`;
  if (!def.limit) return stats;
  const overMs = vs.filter((v) => isOver(def, v)).length * period;
  const what =
    def.limit.kind === 'limit'
      ? `the ${fmt(def.limit.value, 2)} ${def.unit} limit`
      : `the recommended ${fmt(def.limit.value, 2)} ${def.unit}`;
  return overMs > 0 ? `${stats} Above ${what} for ${duration(overMs)}.` : `${stats} Within ${what}.`;
}

export interface ShadedRange {
  start: number;
  end: number;
  label: string;
  /** The period was still going when the window ended. */
  ongoing: boolean;
}

/** Shaded periods clipped to the window (an open end runs to the window's end); those outside it are dropped. */
export function shadedRanges(shaded: { start: number; end: number | null; label: string }[], start: number, end: number): ShadedRange[] {
  return shaded
    .map((s) => ({ start: Math.max(s.start, start), end: Math.min(s.end ?? end, end), label: s.label, ongoing: s.end === null }))
    .filter((s) => s.end > s.start);
}

/** "12:03:05 UTC": the console's findings name times in UTC, so the charts do too. */
export const utcClock = (ms: number): string => new Date(ms).toISOString().slice(11, 19) + ' UTC';
