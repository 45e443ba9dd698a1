import { num } from '../series';
import type { Finding, IngestVideo } from '../types';
import type { RuleContext } from './context';

const label = (v: IngestVideo, many: boolean) => (many && v.track ? ` (${v.track})` : '');

/** What the encoder announced (GetStreamSession's ingest configuration) against the channel type's limits. */
export function ingestConfigRule({ input, limits }: RuleContext): Finding[] {
  const videos = input.ingest?.video ?? [];
  const many = videos.length > 1;
  const type = input.channelType;
  const findings: Finding[] = [];
  for (const v of videos) {
    const w = v.videoWidth ?? 0;
    const h = v.videoHeight ?? 0;
    // Portrait video is the same pixel budget turned: compare long side with long side.
    const [long, short] = w >= h ? [w, h] : [h, w];
    if (long > limits.maxWidth || short > limits.maxHeight) {
      findings.push({
        id: `resolution-over-limit${label(v, many)}`,
        severity: 'critical',
        title: "Resolution above the channel type's maximum",
        detail:
          `The encoder sends ${w}×${h}${label(v, many)}; a ${type} channel accepts at most ` +
          `${limits.maxWidth}×${limits.maxHeight}, and IVS may disconnect the stream.`,
        fix: `Set the encoder's output (scaled) resolution to ${limits.maxWidth}×${limits.maxHeight} or less.`,
        window: null,
      });
    }
    const targetMbps = (v.targetBitrate ?? 0) / 1e6;
    const maxMbps = limits.maxBitrateMbps(short || undefined);
    if (targetMbps > maxMbps) {
      findings.push({
        id: `target-bitrate-over-limit${label(v, many)}`,
        severity: 'critical',
        title: "Encoder bitrate set above the channel type's maximum",
        detail:
          `The encoder is set to ${num(targetMbps)} Mbps${label(v, many)}; ` +
          `a ${type} channel accepts at most ${num(maxMbps)} Mbps at ${short}p.`,
        fix: `Set the encoder's video bitrate to at most ${num(maxMbps)} Mbps minus the audio bitrate, with CBR rate control.`,
        window: null,
      });
    }
    if ((v.targetFramerate ?? 0) > limits.maxFramerate) {
      findings.push({
        id: `target-frame-rate-over-limit${label(v, many)}`,
        severity: 'critical',
        title: "Encoder frame rate set above the channel type's maximum",
        detail:
          `The encoder is set to ${num(v.targetFramerate!)} fps${label(v, many)}; ` +
          `a ${type} channel accepts at most ${limits.maxFramerate} fps.`,
        fix: `Set the encoder's frame rate to ${limits.maxFramerate} fps or less.`,
        window: null,
      });
    }
    if (limits.maxBFrames !== null && (v.bFrames ?? 0) > limits.maxBFrames) {
      findings.push({
        id: `b-frames-over-limit${label(v, many)}`,
        severity: 'critical',
        title: 'B-frames above what the channel accepts',
        detail: `The encoder uses ${v.bFrames} B-frames${label(v, many)}; this channel accepts at most ${limits.maxBFrames}.`,
        fix:
          `Set the encoder's B-frames to ${limits.maxBFrames} ` +
          `(x264: bframes=${limits.maxBFrames}; OBS: "B-frames" in the advanced output settings).`,
        window: null,
      });
    }
  }
  return findings;
}
