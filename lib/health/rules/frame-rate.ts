import { inWindow, median, num, periodOf, pointsOf, shareOfWindow, spanOf } from '../series';
import type { Finding } from '../types';
import type { RuleContext } from './context';

// A period is a drop when the frame rate is under this share of the target (30 fps → under 27 fps).
export const FRAMERATE_DROP_RATIO = 0.9;
// The share of the window with drops before the frame rate is called unstable.
export const FRAMERATE_MIN_SHARE = 0.1;
// Frames per second over the type's maximum before it counts (averages of 60 fps read 60.2).
export const FRAMERATE_LIMIT_SLACK = 0.5;

/** Frame rate above the channel type's maximum, or dropping below the encoder's target. */
export function frameRateRule({ input, limits, end, windowMs, scope }: RuleContext): Finding[] {
  const all = pointsOf(input.metrics?.IngestFramerate);
  const period = periodOf(all);
  const points = inWindow(all, end, windowMs);
  if (!points.length) return [];
  const findings: Finding[] = [];
  const covered = Math.min(windowMs, points.length * period);

  const over = points.filter((p) => p.v > limits.maxFramerate + FRAMERATE_LIMIT_SLACK);
  if (over.length) {
    findings.push({
      id: 'frame-rate-over-limit',
      severity: 'critical',
      metric: 'IngestFramerate',
      title: `Frame rate above the channel type's ${limits.maxFramerate} fps`,
      detail:
        `Frame rate up to ${num(Math.max(...over.map((p) => p.v)))} fps for ${shareOfWindow(over.length * period, covered, scope)}; ` +
        `a ${input.channelType} channel accepts at most ${limits.maxFramerate} fps and IVS may disconnect the stream.`,
      fix: `Set the encoder's frame rate to ${limits.maxFramerate} fps or less (30 fps is the usual choice).`,
      window: spanOf(over, period),
    });
  }

  const targets = (input.ingest?.video ?? []).map((v) => v.targetFramerate ?? 0).filter((f) => f > 0);
  const target = targets.length ? Math.max(...targets) : median(points.map((p) => p.v));
  const floor = target * FRAMERATE_DROP_RATIO;
  const drops = points.filter((p) => p.v < floor);
  if (target > 0 && drops.length / points.length >= FRAMERATE_MIN_SHARE) {
    findings.push({
      id: 'frame-rate-unstable',
      severity: 'warning',
      metric: 'IngestFramerate',
      title: 'Frame rate is unstable',
      detail:
        `Frame rate below ${num(floor)} fps (target ${num(target)} fps) for ${shareOfWindow(drops.length * period, covered, scope)}, ` +
        `lowest ${num(Math.min(...drops.map((p) => p.v)))} fps. Viewers see stutter; the encoder is dropping frames.`,
      fix:
        'The encoder cannot keep up or is losing frames on the way: lower its resolution or preset, close other load on the machine, ' +
        'use hardware encoding, and check its "dropped frames" counters (network) against "skipped frames" (encoding).',
      window: spanOf(drops, period),
    });
  }
  return findings;
}
