import { streamId as newStreamId } from '../ids';
import { project } from '../model';
import type { ChannelRec, LiveStream, StreamEvent, StreamSessionRec } from '../records';
import type { OpContext } from './context';
import { settle } from './recording-configurations';

const STATE_CHANGE = 'IVS Stream State Change';
const RECORDING_CHANGE = 'IVS Recording State Change';

// What a typical OBS-style encoder sends, scaled to what the channel type accepts.
function ingestFor(channel: ChannelRec) {
  const hd = channel.type !== 'BASIC' && channel.type !== 'ADVANCED_SD';
  const video = {
    avcProfile: 'High',
    avcLevel: '4.2',
    codec: 'avc1.64002A',
    encoder: 'obs-output module (libobs version 30.1.2)',
    targetBitrate: hd ? 6000000 : 3500000,
    targetFramerate: 30,
    videoHeight: hd ? 1080 : 720,
    videoWidth: hd ? 1920 : 1280,
    level: '4.2',
    profile: 'High',
    track: 'Track0',
  };
  const audio = { codec: 'mp4a.40.2', targetBitrate: 160000, sampleRate: 48000, channels: 2, track: 'Track0' };
  return { ingestConfiguration: { video, audio }, ingestConfigurations: { videoConfigurations: [video], audioConfigurations: [audio] } };
}

// Simulates an encoder connecting with the channel's stream key: a new session and a LIVE stream.
export function startStream(ctx: OpContext, channel: ChannelRec, health: string, viewerCount: number): LiveStream {
  const now = ctx.now.toISOString();
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
    ...ingestFor(channel),
    ...(recording ? { recordingConfiguration: project(settle(ctx, recording), 'RecordingConfiguration') } : {}),
    truncatedEvents: events,
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
