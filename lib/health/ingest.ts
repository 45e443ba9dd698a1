import type { IngestAudio, IngestInput, IngestVideo } from './types';

// The parts of GetStreamSession's StreamSession the diagnosis reads, structurally (no SDK import: this
// module is client-safe, and lib/ivs owns @aws-sdk/client-ivs). An SDK StreamSession fits it as it is.
export interface StreamSessionIngestLike {
  ingestConfiguration?: { video?: IngestVideo & { avcProfile?: string; avcLevel?: string }; audio?: IngestAudio };
  ingestConfigurations?: { videoConfigurations?: IngestVideo[]; audioConfigurations?: IngestAudio[] };
}

/** Every track: ingestConfigurations when present (multitrack has all tracks there), else the deprecated ingestConfiguration. */
export function ingestFromSession(s: StreamSessionIngestLike): IngestInput {
  const multi = s.ingestConfigurations;
  const single = s.ingestConfiguration;
  const video = multi?.videoConfigurations?.length
    ? multi.videoConfigurations
    : single?.video
      ? [{ ...single.video, profile: single.video.profile || single.video.avcProfile, level: single.video.level || single.video.avcLevel }]
      : [];
  const audio = multi?.audioConfigurations?.length ? multi.audioConfigurations : single?.audio ? [single.audio] : [];
  return { video, audio };
}
