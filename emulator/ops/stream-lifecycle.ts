import { streamId as newStreamId } from '../ids';
import { project } from '../model';
import type { ChannelRec, LiveStream, StreamEvent, StreamSessionRec } from '../records';
import type { OpContext } from './context';
import { settle } from './recording-configurations';
import { defaultProfile } from '../cloudwatch/session-signal';
import type { IngestProfile } from '../cloudwatch/signal';

const STATE_CHANGE = 'IVS Stream State Change';
const RECORDING_CHANGE = 'IVS Recording State Change';

// The ingest configuration IVS reports for what the simulated encoder sends.
function ingestFor(profile: IngestProfile) {
  const video = {
    avcProfile: 'High',
    avcLevel: '4.2',
    codec: profile.codec,
    encoder: 'obs-output module (libobs version 30.1.2)',
    targetBitrate: profile.videoBitrate,
    targetFramerate: profile.framerate,
    videoHeight: profile.height,
    videoWidth: profile.width,
    level: '4.2',
    profile: 'High',
    track: 'Track0',
  };
  const audio = { codec: 'mp4a.40.2', targetBitrate: profile.audioBitrate, sampleRate: 48000, channels: 2, track: 'Track0' };
  return { ingestConfiguration: { video, audio }, ingestConfigurations: { videoConfigurations: [video], audioConfigurations: [audio] } };
}

export interface StartOptions {
  // What the encoder sends; unset fields take an OBS-style default for the channel type.
  ingest?: Partial<IngestProfile>;
  // The stream started this long ago (so tests and demos have metric history at once).
  startedSecondsAgo?: number;
}

// Simulates an encoder connecting with the channel's stream key: a new session and a LIVE stream.
export function startStream(
  ctx: OpContext,
  channel: ChannelRec,
  health: string,
  viewerCount: number,
  options: StartOptions = {},
): LiveStream {
  const now = new Date(ctx.now.getTime() - (options.startedSecondsAgo ?? 0) * 1000).toISOString();
  const profile = { ...defaultProfile(channel.type), ...options.ingest };
  const live: LiveStream = { channelArn: channel.arn, streamId: newStreamId(), startTime: now, health, viewerCount };
  const events: StreamEvent[] = [
    { name: 'Session Created', type: STATE_CHANGE, eventTime: now },
    { name: 'Stream Start', type: STATE_CHANGE, eventTime: now },
  ];
  const recording = channel.recordingConfigurationArn ? ctx.state.recordingConfigs.get(channel.recordingConfigurationArn) : undefined;
  if (recording) events.push({ name: 'Recording Start', type: RECORDING_CHANGE, eventTime: now });
  const session: StreamSessionRec = {
    streamId: live.streamId,
    startTime: now,
    channel: project(channel, 'Channel'),
    ...ingestFor(profile),
    ...(recording ? { recordingConfiguration: project(settle(ctx, recording), 'RecordingConfiguration') } : {}),
    truncatedEvents: events,
    signal: { profile, episodes: [], viewers: [{ at: now, count: viewerCount }] },
  };
  const sessions = ctx.state.sessions.get(channel.arn) ?? [];
  sessions.push(session);
  ctx.state.sessions.set(channel.arn, sessions);
  ctx.state.live.set(channel.arn, live);
  ctx.store.changed();
  return live;
}

// Ends the live stream the way an encoder disconnect (or StopStream) does.
export function endStream(ctx: OpContext, channelArn: string): void {
  const live = ctx.state.live.get(channelArn);
  if (!live) return;
  ctx.state.live.delete(channelArn);
  const session = ctx.state.sessions.get(channelArn)?.find((s) => s.streamId === live.streamId);
  if (session) {
    const now = ctx.now.toISOString();
    session.endTime = now;
    session.truncatedEvents.push({ name: 'Stream End', type: STATE_CHANGE, eventTime: now });
    if (session.recordingConfiguration) session.truncatedEvents.push({ name: 'Recording End', type: RECORDING_CHANGE, eventTime: now });
    session.truncatedEvents.push({ name: 'Session Ended', type: STATE_CHANGE, eventTime: now });
    if (session.truncatedEvents.length > 500) session.truncatedEvents.splice(0, session.truncatedEvents.length - 500);
  }
  ctx.store.changed();
}

export const hasErrorEvent = (s: StreamSessionRec) => s.truncatedEvents.some((e) => /fail|error/i.test(`${e.name} ${e.code ?? ''}`));
