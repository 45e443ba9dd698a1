import { inWindow, median, num, periodOf, pointsOf, shareOfWindow, spanOf } from '../series';
import type { Finding } from '../types';
import type { RuleContext } from './context';

// A keyframe within this much of a recommended interval counts as on it (CloudWatch averages jitter).
export const KEYFRAME_TOLERANCE_S = 0.25;
// The share of the window off the recommendation before it is a finding: one odd period is noise.
export const KEYFRAME_MIN_SHARE = 0.1;

/** Keyframe interval other than IVS's 2 s (or 1 s): segments cannot be cut on time, so latency and rebuffering grow. */
export function keyframeIntervalRule({ input, limits, end, windowMs, scope }: RuleContext): Finding[] {
  const all = pointsOf(input.metrics?.KeyframeInterval);
  const period = periodOf(all);
  const points = inWindow(all, end, windowMs);
  const off = points.filter((p) => !limits.keyframeIntervals.some((k) => Math.abs(p.v - k) <= KEYFRAME_TOLERANCE_S));
  if (!points.length || off.length / points.length < KEYFRAME_MIN_SHARE) return [];
  const covered = Math.min(windowMs, points.length * period);
  const badMs = off.length * period;
  const typical = median(off.map((p) => p.v));
  const [low, high] = [Math.min(...off.map((p) => p.v)), Math.max(...off.map((p) => p.v))];
  const range = low === high ? '' : ` (between ${num(low)} and ${num(high)} s)`;
  return [
    {
      id: 'keyframe-interval',
      severity: 'warning',
      metric: 'KeyframeInterval',
      title: 'Keyframe interval is not 2 seconds',
      detail:
        `Keyframe interval ${num(typical)} s for ${shareOfWindow(badMs, covered, scope)}${range}. ` +
        'IVS cuts video segments on keyframes, so an interval other than 2 s (or 1 s) adds latency and makes players rebuffer.',
      fix: 'Set the encoder\'s keyframe interval (OBS: "Keyframe Interval", others: GOP or IDR interval) to 2 seconds, fixed, not "auto".',
      window: spanOf(off, period),
    },
  ];
}
