import 'server-only';
import {
  GetStreamCommand,
  GetStreamSessionCommand,
  ListStreamSessionsCommand,
  PutMetadataCommand,
  StopStreamCommand,
  type StreamSession,
} from '@aws-sdk/client-ivs';
import { ingestFromSession, type IngestInput } from '@/lib/health';
import { ivsClient } from '@/lib/ivs/client';
import { isIvsError } from '@/lib/ivs/errors';
import { invalidateLiveSnapshot, toLiveStreamDto, type LiveStreamDto } from '@/lib/ivs/live-snapshot';

// The live snapshot (and its DTOs) live in live-snapshot.ts; re-exported so readers keep one import.
export {
  byChannel,
  invalidateLiveSnapshot,
  liveSnapshot,
  toLiveStreamDto,
  warmLiveSnapshot,
  type LiveSnapshot,
  type LiveStreamDto,
} from '@/lib/ivs/live-snapshot';

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
  const page = await ivsClient(region).send(
    new ListStreamSessionsCommand({ channelArn, maxResults: 50, nextToken: nextToken || undefined }),
  );
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
  // GetStreamSession carries the channel as it was, type included: the session page needs no GetChannel.
  channelType: string;
  recordingConfigurationName: string;
  ingest: IngestTrackDto[];
  // Every field of every track, as lib/health's diagnosis and the ingest-vs-limits table read them.
  ingestConfig: IngestInput;
  events: { name: string; type: string; code: string; eventTime: string | null }[];
}

function ingestTracks(s: StreamSession): IngestTrackDto[] {
  const multi = s.ingestConfigurations;
  const videos = multi?.videoConfigurations?.length
    ? multi.videoConfigurations
    : s.ingestConfiguration?.video
      ? [s.ingestConfiguration.video]
      : [];
  const audios = multi?.audioConfigurations?.length
    ? multi.audioConfigurations
    : s.ingestConfiguration?.audio
      ? [s.ingestConfiguration.audio]
      : [];
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
      channelType: s.channel?.type ?? '',
      recordingConfigurationName: s.recordingConfiguration?.name ?? '',
      ingest: ingestTracks(s),
      ingestConfig: ingestFromSession(s),
      events: (s.truncatedEvents ?? [])
        .map((e) => ({ name: e.name ?? '', type: e.type ?? '', code: e.code ?? '', eventTime: iso(e.eventTime) }))
        .sort((a, b) => (a.eventTime ?? '').localeCompare(b.eventTime ?? '') || eventRank(a.name) - eventRank(b.name)),
    };
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}
