import type { StreamSessionRec } from '../records';
import { EPISODE_KINDS, type Episode, type EpisodeKind, type IngestProfile } from './signal';
import { signalOf } from './session-signal';

// Control-API input for the simulated signal. Throws a plain Error with a message for the caller;
// control.ts turns it into a 400.

const NUMERIC: Record<string, [min: number, max: number]> = {
  videoBitrate: [1, 100_000_000],
  audioBitrate: [1, 1_000_000],
  framerate: [0.1, 240],
  keyframeInterval: [0.1, 60],
  width: [16, 7680],
  height: [16, 4320],
};

/** `ingest` of POST streams/start: any of the IngestProfile fields. */
export function parseIngest(v: unknown): Partial<IngestProfile> | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('"ingest" must be an object.');
  const out: Partial<IngestProfile> = {};
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    if (key === 'codec') {
      if (typeof value !== 'string' || value === '') throw new Error('"ingest.codec" must be a non-empty string.');
      out.codec = value;
      continue;
    }
    const range = NUMERIC[key];
    if (!range) throw new Error(`"ingest.${key}" is not an ingest field (${[...Object.keys(NUMERIC), 'codec'].join(', ')}).`);
    if (typeof value !== 'number' || !(value >= range[0] && value <= range[1]))
      throw new Error(`"ingest.${key}" must be a number from ${range[0]} to ${range[1]}.`);
    (out as Record<string, number>)[key] = value;
  }
  return out;
}

export function parseStartedSecondsAgo(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 455 * 86400)
    throw new Error('"startedSecondsAgo" must be an integer from 0 to 39312000 (455 days).');
  return v;
}

const VALUE_RULES: Record<EpisodeKind, [min: number, max: number] | null> = {
  bitrateDrop: [0, 1],
  framerateDrop: [0, 240],
  keyframeInterval: [0.1, 60],
  starve: null,
};

/**
 * POST streams/episode: { kind, value?, durationSeconds, startOffsetSeconds? } degrades the live
 * session's signal from now + startOffsetSeconds (negative: in the past) for durationSeconds.
 */
export function addEpisode(session: StreamSessionRec, body: Record<string, unknown>, now: Date): Episode {
  const { kind, value, durationSeconds, startOffsetSeconds = 0 } = body;
  if (typeof kind !== 'string' || !EPISODE_KINDS.includes(kind as EpisodeKind))
    throw new Error(`"kind" must be one of ${EPISODE_KINDS.join(', ')}.`);
  const rule = VALUE_RULES[kind as EpisodeKind];
  if (rule && (typeof value !== 'number' || !(value >= rule[0] && value <= rule[1])))
    throw new Error(`"value" of ${kind} must be a number from ${rule[0]} to ${rule[1]}.`);
  if (typeof durationSeconds !== 'number' || !(durationSeconds > 0 && durationSeconds <= 86400))
    throw new Error('"durationSeconds" must be a number from 1 to 86400.');
  if (typeof startOffsetSeconds !== 'number' || !Number.isFinite(startOffsetSeconds))
    throw new Error('"startOffsetSeconds" must be a number.');
  const from = now.getTime() + startOffsetSeconds * 1000;
  const episode: Episode = {
    kind: kind as EpisodeKind,
    from: new Date(from).toISOString(),
    to: new Date(from + durationSeconds * 1000).toISOString(),
  };
  if (rule) episode.value = value as number;
  signalOf(session).episodes.push(episode);
  return episode;
}

/** Records a viewer-count change for ConcurrentViews. */
export function recordViewers(session: StreamSessionRec | undefined, count: number, now: Date): void {
  if (!session) return;
  signalOf(session).viewers.push({ at: now.toISOString(), count });
}
