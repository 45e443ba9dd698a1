import type { SessionSignal } from './signal';

// The usage metrics of AWS/IVS (all in seconds, read with Sum): what the console's usage report
// (lib/usage) adds up. They are computed exactly from a session's start/end and viewer changes, not
// sampled like the health metrics, so a report's totals match what was simulated to the second:
//   LiveInputTime     seconds the channel was live (ingest received)
//   LiveDeliveredTime viewer-seconds delivered (viewers integrated over time)
//   RecordedTime      seconds recorded (live seconds, when the session had a recording configuration)
export const USAGE_METRICS = ['LiveInputTime', 'LiveDeliveredTime', 'RecordedTime'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];
export const isUsageMetric = (name: string): name is UsageMetric => (USAGE_METRICS as readonly string[]).includes(name);

export interface UsageSource {
  startMs: number;
  endMs: number;
  signal: SessionSignal;
  recorded: boolean;
}

const overlapMs = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Seconds of `metric` one session contributes to the window [fromMs, toMs). */
export function usageSeconds(src: UsageSource, metric: UsageMetric, fromMs: number, toMs: number): number {
  const from = Math.max(fromMs, src.startMs);
  const to = Math.min(toMs, src.endMs);
  if (to <= from) return 0;
  if (metric === 'LiveInputTime') return (to - from) / 1000;
  if (metric === 'RecordedTime') return src.recorded ? (to - from) / 1000 : 0;
  // Viewer-seconds: each count holds from its change until the next (as ConcurrentViews reads it).
  const changes = src.signal.viewers.map((v) => ({ at: Date.parse(v.at), count: Math.max(0, v.count) }));
  let total = 0;
  changes.forEach((c, i) => {
    const until = i + 1 < changes.length ? changes[i + 1].at : Infinity;
    total += c.count * overlapMs(c.at, until, from, to);
  });
  return total / 1000;
}
