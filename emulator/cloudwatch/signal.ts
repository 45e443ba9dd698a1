import { createHash } from 'node:crypto';

// What a simulated encoder sends. The session's ingestConfiguration is built from it, and the
// CloudWatch series are sampled from it, so the two always agree.
export interface IngestProfile {
  videoBitrate: number; // bits per second, as ingestConfiguration.video.targetBitrate
  audioBitrate: number; // bits per second
  framerate: number; // frames per second
  keyframeInterval: number; // seconds
  width: number;
  height: number;
  codec: string;
}

// A fault the control API injects for a while: the encoder's output degrades between from and to.
export type EpisodeKind = 'bitrateDrop' | 'framerateDrop' | 'keyframeInterval' | 'starve';
export const EPISODE_KINDS: readonly EpisodeKind[] = ['bitrateDrop', 'framerateDrop', 'keyframeInterval', 'starve'];

export interface Episode {
  kind: EpisodeKind;
  from: string; // ISO time
  to: string; // ISO time
  // bitrateDrop: the share of the profile's video bitrate still sent (0..1); framerateDrop: the
  // frame rate sent; keyframeInterval: the interval in seconds; starve: unused.
  value?: number;
}

// The simulated signal of one stream session: what the metrics are computed from.
export interface SessionSignal {
  profile: IngestProfile;
  episodes: Episode[];
  // Viewer count changes, oldest first; the count holds until the next change.
  viewers: { at: string; count: number }[];
}

// A deterministic wobble in [-1, 1] for (stream, metric, second): the same query always answers the
// same values, and two streams never look identical.
export function wobble(seed: string, metric: string, second: number): number {
  const h = createHash('sha1').update(`${seed}|${metric}|${second}`).digest();
  return h.readUInt32BE(0) / 0xffffffff * 2 - 1;
}

const activeAt = (episodes: Episode[], kind: EpisodeKind, ms: number) =>
  episodes.findLast((e) => e.kind === kind && Date.parse(e.from) <= ms && ms < Date.parse(e.to));

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const MBPS = 1_000_000;

// One 1-second sample of an ingest metric, in the unit docs/ivs-metrics.md gives for it.
export function ingestSample(streamId: string, signal: SessionSignal, metric: string, second: number): number | undefined {
  const ms = second * 1000;
  const { profile, episodes } = signal;
  const starving = activeAt(episodes, 'starve', ms);
  switch (metric) {
    case 'IngestVideoBitrate': {
      const drop = activeAt(episodes, 'bitrateDrop', ms);
      const share = starving ? 0.05 : (drop?.value ?? 1);
      return round((profile.videoBitrate * share * (1 + 0.04 * wobble(streamId, metric, second))) / MBPS, 4);
    }
    case 'IngestAudioBitrate':
      return round((profile.audioBitrate * (starving ? 0.25 : 1) * (1 + 0.01 * wobble(streamId, metric, second))) / MBPS, 4);
    case 'IngestFramerate': {
      const drop = activeAt(episodes, 'framerateDrop', ms);
      const fps = starving ? Math.min(5, profile.framerate) : (drop?.value ?? profile.framerate);
      return round(fps * (1 + 0.005 * wobble(streamId, metric, second)), 2);
    }
    case 'KeyframeInterval': {
      const kf = activeAt(episodes, 'keyframeInterval', ms);
      return kf?.value ?? profile.keyframeInterval;
    }
    default:
      return undefined;
  }
}

// The viewer count at a moment (ConcurrentViews).
export function viewersAt(signal: SessionSignal, ms: number): number {
  let count = 0;
  for (const v of signal.viewers) {
    if (Date.parse(v.at) > ms) break;
    count = v.count;
  }
  return Math.max(0, count);
}
