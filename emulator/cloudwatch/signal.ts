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
  // What the noise is drawn from instead of the (random) stream id, so seeded demo data is the same
  // on every run.
  noiseSeed?: string;
}

// FNV-1a of the (stream, metric) seed.
function seedHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h;
}

// A deterministic wobble in [-1, 1] for (seed, second): the same query always answers the same
// values, and two streams never look identical. (An integer mix, not a crypto hash: it only has to
// look like noise, and it runs once per sampled second of every series of a 500-query call.)
export function wobble(seed: number, second: number): number {
  let h = seed ^ Math.imul(second | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 0xffffffff) * 2 - 1;
}

type Window = { from: number; to: number; value?: number };
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const MBPS = 1_000_000;

/** Reads one metric of one session second by second (values in docs/ivs-metrics.md's units). */
export type SecondReader = (second: number) => number | undefined;

/** A reader for an ingest metric, or ConcurrentViews; undefined for a metric the signal lacks. */
export function signalReader(streamId: string, signal: SessionSignal, metric: string): SecondReader | undefined {
  const { profile } = signal;
  const windows = (kind: EpisodeKind): Window[] =>
    signal.episodes.filter((e) => e.kind === kind).map((e) => ({ from: Date.parse(e.from), to: Date.parse(e.to), value: e.value }));
  // The last episode wins where two of a kind overlap.
  const at = (list: Window[], ms: number) => {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].from <= ms && ms < list[i].to) return list[i];
    return undefined;
  };
  const starve = windows('starve');
  const seed = seedHash(`${signal.noiseSeed ?? streamId}|${metric}`);
  switch (metric) {
    case 'IngestVideoBitrate': {
      const drops = windows('bitrateDrop');
      return (s) => {
        const share = at(starve, s * 1000) ? 0.05 : (at(drops, s * 1000)?.value ?? 1);
        return round((profile.videoBitrate * share * (1 + 0.04 * wobble(seed, s))) / MBPS, 4);
      };
    }
    case 'IngestAudioBitrate':
      return (s) => round((profile.audioBitrate * (at(starve, s * 1000) ? 0.25 : 1) * (1 + 0.01 * wobble(seed, s))) / MBPS, 4);
    case 'IngestFramerate': {
      const drops = windows('framerateDrop');
      return (s) => {
        const fps = at(starve, s * 1000) ? Math.min(5, profile.framerate) : (at(drops, s * 1000)?.value ?? profile.framerate);
        return round(fps * (1 + 0.005 * wobble(seed, s)), 2);
      };
    }
    case 'KeyframeInterval': {
      const long = windows('keyframeInterval');
      return (s) => at(long, s * 1000)?.value ?? profile.keyframeInterval;
    }
    case 'ConcurrentViews': {
      // The count holds from each change until the next.
      const changes = signal.viewers.map((v) => ({ at: Date.parse(v.at), count: Math.max(0, v.count) }));
      return (s) => {
        let count = 0;
        for (const c of changes) {
          if (c.at > s * 1000) break;
          count = c.count;
        }
        return count;
      };
    }
    default:
      return undefined;
  }
}
