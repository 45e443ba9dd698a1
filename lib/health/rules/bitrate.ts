import { average, formatDuration, inWindow, num, periodOf, pointsOf, shareOfWindow, spanOf, type Point } from '../series';
import type { Finding } from '../types';
import type { RuleContext } from './context';

// The share of the window over the type's bitrate before it is a finding (one spike is a keyframe).
export const BITRATE_OVER_MIN_SHARE = 0.1;
// "Falling": the recent part of the window averages under this share of the earlier part (or of the target).
export const BITRATE_FALL_RATIO = 0.7;
// The recent part is the last fifth of the window, at least this many points on each side.
export const BITRATE_RECENT_SHARE = 0.2;
export const BITRATE_MIN_POINTS = 3;

// The "p" of the input (1080 for 1920×1080 and for portrait 1080×1920), the largest over its tracks.
const shortSide = (ctx: RuleContext) =>
  Math.max(0, ...(ctx.input.ingest?.video ?? []).map((v) => Math.min(v.videoHeight ?? 0, v.videoWidth ?? Infinity)));

/** Video + audio at each video point, Mbps (audio joined on the same timestamp; absent audio counts 0). */
function totals(video: Point[], audio: Point[]): Point[] {
  const byTime = new Map(audio.map((p) => [p.t, p.v]));
  return video.map((p) => ({ t: p.t, v: p.v + (byTime.get(p.t) ?? 0) }));
}

/** Ingest bitrate over the channel type's maximum, or falling well below where it was. */
export function bitrateRule(ctx: RuleContext): Finding[] {
  const { input, limits, end, windowMs, scope } = ctx;
  const video = pointsOf(input.metrics?.IngestVideoBitrate);
  const period = periodOf(video);
  const points = inWindow(totals(video, pointsOf(input.metrics?.IngestAudioBitrate)), end, windowMs);
  if (!points.length) return [];
  const findings: Finding[] = [];
  const covered = Math.min(windowMs, points.length * period);

  const height = shortSide(ctx);
  const max = limits.maxBitrateMbps(height || undefined);
  const over = points.filter((p) => p.v > max);
  if (over.length / points.length >= BITRATE_OVER_MIN_SHARE) {
    const top = Math.max(...over.map((p) => p.v));
    const peak = num(top) === num(average(over.map((p) => p.v))) ? '' : ` (peak ${num(top)})`;
    findings.push({
      id: 'bitrate-over-limit',
      severity: 'critical',
      metric: 'IngestVideoBitrate',
      title: `Ingest bitrate above the channel type's ${num(max)} Mbps`,
      detail:
        `Video and audio together averaged ${num(average(over.map((p) => p.v)))} Mbps${peak} ` +
        `for ${shareOfWindow(over.length * period, covered, scope)}; a ${input.channelType} channel accepts at most ${num(max)} Mbps` +
        `${input.channelType === 'BASIC' ? (height && height <= 480 ? ' at 480p and below' : ' above 480p') : ''}` +
        ', and IVS may disconnect the stream.',
      fix:
        `Lower the encoder's video bitrate so video plus audio stays under ${num(max)} Mbps (use CBR), ` +
        'or use a channel type that allows more.',
      window: spanOf(over, period),
    });
  }

  const recentCount = Math.max(BITRATE_MIN_POINTS, Math.round(points.length * BITRATE_RECENT_SHARE));
  const recent = points.slice(-recentCount);
  const earlier = points.slice(0, -recentCount);
  const targets = (input.ingest?.video ?? []).map((v) => (v.targetBitrate ?? 0) / 1e6).filter((b) => b > 0);
  const baseline = earlier.length >= BITRATE_MIN_POINTS ? average(earlier.map((p) => p.v)) : targets.length ? Math.max(...targets) : NaN;
  const now = average(recent.map((p) => p.v));
  if (recent.length >= BITRATE_MIN_POINTS && baseline > 0 && now < baseline * BITRATE_FALL_RATIO) {
    findings.push({
      id: 'bitrate-falling',
      severity: 'warning',
      metric: 'IngestVideoBitrate',
      title: 'Ingest bitrate is falling',
      detail:
        `Bitrate fell from ${num(baseline)} Mbps to ${num(now)} Mbps (${Math.round((1 - now / baseline) * 100)}% less) ` +
        `over the last ${formatDuration(recent.length * period)}. ` +
        'An encoder lowers its bitrate when the uplink cannot carry it; viewers get a softer picture, then starvation.',
      fix:
        "Check the broadcaster's upload (another device using it, Wi-Fi instead of cable), " +
        "and lower the encoder's bitrate to what the uplink sustains.",
      window: spanOf(recent, period),
    });
  }
  return findings;
}
