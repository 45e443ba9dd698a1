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
// in-flight pass, and a finished pass is reused for SNAPSHOT_TTL_MS. Kept on globalThis because Next
// may load this module once per route bundle.
export const SNAPSHOT_TTL_MS = 5_000;
type Entry = { startedAt: number; promise: Promise<LiveSnapshot> };
const store = ((globalThis as { __ivsLiveSnapshots?: Map<string, Entry> }).__ivsLiveSnapshots ??= new Map());

export function liveSnapshot(region: string, maxAgeMs = SNAPSHOT_TTL_MS): Promise<LiveSnapshot> {
  const hit = store.get(region);
  if (hit && Date.now() - hit.startedAt < maxAgeMs) return hit.promise;
  const entry: Entry = { startedAt: Date.now(), promise: fetchAllStreams(region) };
  store.set(region, entry);
  // A failed pass is not cached: the next caller tries again.
  entry.promise.catch(() => store.get(region) === entry && store.delete(region));
  return entry.promise;
}

/** Forget the snapshot after the console itself changed live state (stop stream). */
export function invalidateLiveSnapshot(region: string): void {
  store.delete(region);
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
        .sort((a, b) => (a.eventTime ?? '').localeCompare(b.eventTime ?? '')),
    };
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}
