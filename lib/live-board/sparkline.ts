import type { Series } from '@/lib/health/types';

// A bitrate sparkline small enough to send for 50 rows every 10 s: the server turns the series into an
// SVG path and a sentence, so the browser draws it with no chart library and no data points.

export interface Sparkline {
  /** SVG path in a SPARK_WIDTH × SPARK_HEIGHT box; empty with fewer than two points. */
  path: string;
  /** The newest value, Mbps; null without data. */
  now: number | null;
  min: number | null;
  max: number | null;
  /** The text alternative: "6.1 Mbps now, 5.8–6.3 over 10 min". */
  text: string;
}

export const SPARK_WIDTH = 100;
export const SPARK_HEIGHT = 24;
// Newer data than this before the window's end still counts as "now" (CloudWatch lags a few seconds).
const STALE_MS = 60_000;

const mbps = (v: number): string => (v < 1 ? v.toFixed(2) : v.toFixed(1));
const minutes = (ms: number): string => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`);
const clock = (t: number): string => new Date(t).toISOString().slice(11, 19) + ' UTC';
const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * The window's bitrate (Mbps) as a path drawn from a zero baseline (a drop to half reads as half, where
 * a min–max scale would make a 5 % wobble look like an outage), broken where data is missing.
 */
export function bitrateSparkline(series: Series | undefined, start: number, end: number): Sparkline {
  const points = (series?.timestamps ?? [])
    .map((t, i) => ({ t, v: series!.values[i] }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v) && p.t >= start && p.t < end)
    .sort((a, b) => a.t - b.t);
  const window = minutes(end - start);
  if (!points.length) return { path: '', now: null, min: null, max: null, text: `No bitrate data in the last ${window}` };

  const values = points.map((p) => p.v);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const last = points[points.length - 1];
  const gaps = points.slice(1).map((p, i) => p.t - points[i].t);
  const period = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] : 0;

  const top = max > 0 ? max : 1;
  const x = (t: number) => round1(((t - start) / (end - start)) * SPARK_WIDTH);
  const y = (v: number) => round1(SPARK_HEIGHT - 1 - (Math.max(0, v) / top) * (SPARK_HEIGHT - 2));
  const path =
    points.length < 2
      ? ''
      : // After a moveto, further pairs are implicit linetos: "M0 1 1.7 1.2 …" (shorter than an L each).
        points.map((p, i) => `${i === 0 ? 'M' : p.t - points[i - 1].t > 2 * period ? 'M' : ' '}${x(p.t)} ${y(p.v)}`).join('');

  const range = min === max ? `${mbps(min)}` : `${mbps(min)}–${mbps(max)}`;
  const stale = end - (last.t + period) > STALE_MS;
  const text = stale
    ? `No bitrate data since ${clock(last.t + period)}; ${range} Mbps over ${window}`
    : `${mbps(last.v)} Mbps now, ${range} over ${window}`;
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return { path, now: stale ? null : r2(last.v), min: r2(min), max: r2(max), text };
}
