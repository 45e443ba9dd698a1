import type { ChannelType } from './types';

// What each IVS low-latency channel type accepts as input. Sources:
// - Channel Types, https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/channel-types.html, and the
//   Channel.type documentation in the IVS API model (CreateChannel/UpdateChannel): "If you exceed the allowable
//   input resolution or bitrate, the stream probably will disconnect immediately".
//   BASIC: up to 1080p, 1.5 Mbps for 480p and 3.5 Mbps above 480p; STANDARD: 1080p, 8.5 Mbps;
//   ADVANCED_SD / ADVANCED_HD: input 1080p, 8.5 Mbps, output capped at 480p / 720p.
// - Streaming Configuration, https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/streaming-config.html:
//   "set IDR/Keyframe to a 2-second interval (or 1 second, for even lower end-to-end latency)".
// - Frame rate: 60 fps is the channel-types page's input maximum (the real-time ingest page says 10–60 fps too).
// - B-frames: the low-latency guide sets no B-frame limit for channels (only IVS real-time stages require 0,
//   https://docs.aws.amazon.com/ivs/latest/RealTimeUserGuide/rt-stream-ingest.html), hence null here.

export interface ChannelTypeLimits {
  /** Longest side × shortest side of the input, pixels. */
  maxWidth: number;
  maxHeight: number;
  /** Maximum input bitrate in Mbps, per the input's height (BASIC allows less at 480p and below). */
  maxBitrateMbps: (videoHeight?: number) => number;
  maxFramerate: number;
  /** Keyframe intervals IVS recommends, seconds. */
  keyframeIntervals: readonly number[];
  /** null: no documented limit. */
  maxBFrames: number | null;
  /** What viewers receive at most (transcoded types). */
  outputHeight: number;
  transcoded: boolean;
}

const KEYFRAMES = [2, 1] as const;
const FULL_HD = { maxWidth: 1920, maxHeight: 1080, maxFramerate: 60, keyframeIntervals: KEYFRAMES, maxBFrames: null };

export const CHANNEL_TYPE_LIMITS: Record<ChannelType, ChannelTypeLimits> = {
  BASIC: { ...FULL_HD, maxBitrateMbps: (h) => (h !== undefined && h > 0 && h <= 480 ? 1.5 : 3.5), outputHeight: 1080, transcoded: false },
  STANDARD: { ...FULL_HD, maxBitrateMbps: () => 8.5, outputHeight: 1080, transcoded: true },
  ADVANCED_SD: { ...FULL_HD, maxBitrateMbps: () => 8.5, outputHeight: 480, transcoded: true },
  ADVANCED_HD: { ...FULL_HD, maxBitrateMbps: () => 8.5, outputHeight: 720, transcoded: true },
};

export const limitsFor = (type: ChannelType): ChannelTypeLimits => CHANNEL_TYPE_LIMITS[type] ?? CHANNEL_TYPE_LIMITS.STANDARD;
