import type { Series, WindowScope } from './types';

// Small helpers the metric rules share: points in a window, how long they cover, and evidence wording.

export interface Point {
  t: number;
  v: number;
}

export const pointsOf = (s?: Series): Point[] =>
  (s?.timestamps ?? []).map((t, i) => ({ t, v: s!.values[i] })).filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));

/** The series' period in ms: the most common spacing between points (5 s when there is only one). */
export function periodOf(points: Point[]): number {
  const gaps = points
    .slice(1)
    .map((p, i) => p.t - points[i].t)
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 5000;
}

/** Points whose period lies inside [end - windowMs, end). */
export const inWindow = (points: Point[], end: number, windowMs: number): Point[] =>
  points.filter((p) => p.t >= end - windowMs && p.t < end);

/** The window a set of points is evidence for, from the first point's start to the last point's end. */
export const spanOf = (points: Point[], period: number) =>
  points.length ? { start: points[0].t, end: points[points.length - 1].t + period } : null;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

export const average = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** "45 s", "1 min 30 s", "12 min", "1 h 05 min". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** "6 of the last 10 minutes", or "40 s of the last 90 s" for short windows; "… of the session's …" for a session. */
export function shareOfWindow(badMs: number, windowMs: number, scope: WindowScope = 'recent'): string {
  const of = scope === 'session' ? "of the session's" : 'of the last';
  if (windowMs >= 120_000) return `${Math.round(badMs / 60_000)} ${of} ${Math.round(windowMs / 60_000)} minutes`;
  return `${Math.round(badMs / 1000)} s ${of} ${Math.round(windowMs / 1000)} s`;
}

/** Numbers as a person reads them: "4 s", "2.5 s", "29.97 fps" → at most two decimals, no trailing zeros. */
export const num = (x: number): string => String(Math.round(x * 100) / 100);

export const clockTime = (t: number): string => new Date(t).toISOString().slice(11, 19) + ' UTC';

export const toMs = (t: Date | string | number | null | undefined): number | null => {
  if (t === null || t === undefined) return null;
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
};
