import type { StreamSessionRec } from '../records';
import type { IngestProfile, SessionSignal } from './signal';

// What an OBS-style encoder sends by default, scaled to what the channel type accepts (BASIC takes at
// most 3.5 Mbps above 480p, video and audio together, so its video gets 3 Mbps).
export function defaultProfile(channelType: string): IngestProfile {
  const hd = channelType !== 'BASIC' && channelType !== 'ADVANCED_SD';
  return {
    videoBitrate: hd ? 6_000_000 : 3_000_000,
    audioBitrate: 160_000,
    framerate: 30,
    keyframeInterval: 2,
    width: hd ? 1920 : 1280,
    height: hd ? 1080 : 720,
    codec: 'avc1.64002A',
  };
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

// A session saved before metrics existed has no signal: rebuild a steady one from its ingest
// configuration, so its history still has data points.
export function signalOf(session: StreamSessionRec & { signal?: SessionSignal }): SessionSignal {
  if (session.signal) return session.signal;
  const video = session.ingestConfiguration?.video ?? {};
  const audio = session.ingestConfiguration?.audio ?? {};
  const base = defaultProfile(String(session.channel?.type ?? 'STANDARD'));
  session.signal = {
    profile: {
      ...base,
      videoBitrate: num(video.targetBitrate, base.videoBitrate),
      audioBitrate: num(audio.targetBitrate, base.audioBitrate),
      framerate: num(video.targetFramerate, base.framerate),
      width: num(video.videoWidth, base.width),
      height: num(video.videoHeight, base.height),
    },
    episodes: [],
    viewers: [],
  };
  return session.signal;
}
