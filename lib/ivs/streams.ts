import 'server-only';
import {
  GetStreamCommand,
  GetStreamSessionCommand,
  ListStreamSessionsCommand,
  ListStreamsCommand,
  PutMetadataCommand,
  StopStreamCommand,
  type StreamSession,
  type StreamSummary,
} from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { isIvsError } from '@/lib/ivs/errors';

/** One live stream, as the list, /live, the channel page and the polling route show it. */
export interface LiveStreamDto {
  channelArn: string;
  channelId: string;
  streamId: string;
  state: string;
  health: string;
  viewerCount: number;
  startTime: string | null;
}

export interface LiveSnapshot {
  fetchedAt: number;
  streams: LiveStreamDto[];
}

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

export function toLiveStreamDto(s: StreamSummary): LiveStreamDto {
  const channelArn = s.channelArn ?? '';
  return {
    channelArn,
    channelId: idOf(channelArn),
    streamId: s.streamId ?? '',
    state: s.state ?? 'LIVE',
    health: s.health ?? 'UNKNOWN',
    viewerCount: s.viewerCount ?? 0,
    startTime: s.startTime ? new Date(s.startTime).toISOString() : null,
  };
}

async function fetchAllStreams(region: string): Promise<LiveSnapshot> {
  const ivs = ivsClient(region);
  const streams: LiveStreamDto[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListStreamsCommand({ maxResults: 100, nextToken }));
    streams.push(...(page.streams ?? []).map(toLiveStreamDto));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return { fetchedAt: Date.now(), streams };
}

// One live-state snapshot per region, shared by the channel list, /live and the polling route, so
// the number of ListStreams calls does not grow with viewers or pages: concurrent callers share the
// in-flight pass, a finished pass is served for SNAPSHOT_TTL_MS, and one up to SNAPSHOT_STALE_MS old
// is served while a single background pass refreshes it (so a page view rarely waits on ListStreams).
// Kept on globalThis because Next may load this module once per route bundle.
export const SNAPSHOT_TTL_MS = 5_000;
export const SNAPSHOT_STALE_MS = 30_000;
type Entry = { startedAt: number; gen: number; promise: Promise<LiveSnapshot>; settled?: LiveSnapshot; refreshing?: boolean };
type Cache = { entries: Map<string, Entry>; gens: Map<string, number> };
const cache = ((globalThis as { __ivsLiveSnapshotCache?: Cache }).__ivsLiveSnapshotCache ??= { entries: new Map(), gens: new Map() });
const store = cache.entries;
const genOf = (region: string) => cache.gens.get(region) ?? 0;

// A pass stores its result unless a newer pass already did, or the console changed live state
// (invalidate) after it started.
function startPass(region: string): Entry {
  const entry: Entry = { startedAt: Date.now(), gen: genOf(region), promise: fetchAllStreams(region) };
  entry.promise.then(
    (snapshot) => {
      entry.settled = snapshot;
      const current = store.get(region);
      if (genOf(region) === entry.gen && (!current || current.startedAt <= entry.startedAt)) store.set(region, entry);
    },
    // A failed pass is not cached: the next caller tries again.
    () => store.get(region) === entry && store.delete(region),
  );
  return entry;
}

export function liveSnapshot(region: string): Promise<LiveSnapshot> {
  const hit = store.get(region);
  const age = hit ? Date.now() - hit.startedAt : Infinity;
  if (hit && age < SNAPSHOT_TTL_MS) return hit.promise;
  if (hit?.settled && age < SNAPSHOT_STALE_MS) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      startPass(region).promise.catch(() => (hit.refreshing = false));
    }
    return Promise.resolve(hit.settled);
  }
  const entry = startPass(region);
  store.set(region, entry);
  return entry.promise;
}

/** Forget the snapshot after the console itself changed live state (stop stream). */
export function invalidateLiveSnapshot(region: string): void {
  store.delete(region);
  cache.gens.set(region, genOf(region) + 1);
}

/** Join helper: channel ARN -> live stream. */
export function byChannel(snapshot: LiveSnapshot): Map<string, LiveStreamDto> {
  return new Map(snapshot.streams.map((s) => [s.channelArn, s]));
}

/** The channel's current stream, or null when it is not broadcasting (GetStream answers CNB). */
export async function getStream(region: string, channelArn: string): Promise<LiveStreamDto | null> {
  try {
    const { stream } = await ivsClient(region).send(new GetStreamCommand({ channelArn }));
    return stream ? toLiveStreamDto(stream) : null;
  } catch (error) {
    if (isIvsError(error, 'ChannelNotBroadcasting')) return null;
    throw error;
  }
}

export async function stopStream(region: string, channelArn: string): Promise<void> {
  try {
    await ivsClient(region).send(new StopStreamCommand({ channelArn }));
  } finally {
    invalidateLiveSnapshot(region);
  }
}

/**
 * Stops the stream and waits until IVS reports the channel offline (UpdateChannel and DeleteChannel
 * refuse a live channel). Returns false if it is still live after `timeoutMs`.
 */
export async function stopStreamAndWait(region: string, channelArn: string, timeoutMs = 20_000): Promise<boolean> {
  try {
    await stopStream(region, channelArn);
  } catch (error) {
    if (!isIvsError(error, 'ChannelNotBroadcasting')) throw error;
  }
  const deadline = Date.now() + timeoutMs;
  for (let wait = 250; Date.now() < deadline; wait = Math.min(wait * 2, 2_000)) {
    if (!(await getStream(region, channelArn))) return true;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return false;
}

export async function putMetadata(region: string, channelArn: string, metadata: string): Promise<void> {
  await ivsClient(region).send(new PutMetadataCommand({ channelArn, metadata }));
}

export interface StreamSessionSummaryDto {
  streamId: string;
  startTime: string | null;
  endTime: string | null;
  hasErrorEvent: boolean;
}

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : null);

/** One page of the channel's stream sessions, newest first as IVS returns them. */
export async function listStreamSessions(
  region: string,
  channelArn: string,
  nextToken?: string,
): Promise<{ sessions: StreamSessionSummaryDto[]; nextToken: string | null }> {
  const page = await ivsClient(region).send(new ListStreamSessionsCommand({ channelArn, maxResults: 50, nextToken: nextToken || undefined }));
  return {
    sessions: (page.streamSessions ?? []).map((s) => ({
      streamId: s.streamId ?? '',
      startTime: iso(s.startTime),
      endTime: iso(s.endTime),
      hasErrorEvent: s.hasErrorEvent ?? false,
    })),
    nextToken: page.nextToken || null,
  };
}

export interface IngestTrackDto {
  kind: 'video' | 'audio';
  track: string;
  codec: string;
  detail: string;
  bitrate: number;
}

export interface StreamSessionDto {
  streamId: string;
  startTime: string | null;
  endTime: string | null;
  channelName: string;
  recordingConfigurationName: string;
  ingest: IngestTrackDto[];
  events: { name: string; type: string; code: string; eventTime: string | null }[];
}

function ingestTracks(s: StreamSession): IngestTrackDto[] {
  const multi = s.ingestConfigurations;
  const videos = multi?.videoConfigurations?.length ? multi.videoConfigurations : s.ingestConfiguration?.video ? [s.ingestConfiguration.video] : [];
  const audios = multi?.audioConfigurations?.length ? multi.audioConfigurations : s.ingestConfiguration?.audio ? [s.ingestConfiguration.audio] : [];
  return [
    ...videos.map((v) => ({
      kind: 'video' as const,
      track: v.track ?? 'Track0',
      codec: [v.codec, v.profile ?? v.avcProfile, v.level ?? v.avcLevel].filter(Boolean).join(' '),
      detail: `${v.videoWidth ?? 0}×${v.videoHeight ?? 0} @ ${v.targetFramerate ?? 0} fps${v.encoder ? ` · ${v.encoder}` : ''}`,
      bitrate: v.targetBitrate ?? 0,
    })),
    ...audios.map((a) => ({
      kind: 'audio' as const,
      track: a.track ?? 'Track0',
      codec: a.codec ?? '',
      detail: `${a.sampleRate ?? 0} Hz · ${a.channels ?? 0} ch`,
      bitrate: a.targetBitrate ?? 0,
    })),
  ];
}

// Events in the same second keep their lifecycle order (IVS timestamps are often equal).
const LIFECYCLE = ['Session Created', 'Stream Start', 'Recording Start', 'Recording End', 'Stream End', 'Session Ended'];
function eventRank(name: string): number {
  const i = LIFECYCLE.indexOf(name);
  return i < 0 ? (name.startsWith('Recording') ? 2.5 : 3.5) : i;
}

/** A stream session with its ingest configuration and event timeline, or null if IVS has no such session. */
export async function getStreamSession(region: string, channelArn: string, streamId: string): Promise<StreamSessionDto | null> {
  try {
    const { streamSession: s } = await ivsClient(region).send(new GetStreamSessionCommand({ channelArn, streamId }));
    if (!s) return null;
    return {
      streamId: s.streamId ?? streamId,
      startTime: iso(s.startTime),
      endTime: iso(s.endTime),
      channelName: s.channel?.name ?? '',
      recordingConfigurationName: s.recordingConfiguration?.name ?? '',
      ingest: ingestTracks(s),
      events: (s.truncatedEvents ?? [])
        .map((e) => ({ name: e.name ?? '', type: e.type ?? '', code: e.code ?? '', eventTime: iso(e.eventTime) }))
        .sort((a, b) => (a.eventTime ?? '').localeCompare(b.eventTime ?? '') || eventRank(a.name) - eventRank(b.name)),
    };
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}
