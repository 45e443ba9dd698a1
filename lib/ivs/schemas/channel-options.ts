// The choices a channel's settings take (IVS model enums) and what they mean, without zod: the channel
// list's filters need them, and importing them from ./channel would bring every channel schema (and
// zod) into that page. ./channel re-exports all of this.

export const CHANNEL_TYPES = ['STANDARD', 'BASIC', 'ADVANCED_SD', 'ADVANCED_HD'] as const;
export const LATENCY_MODES = ['LOW', 'NORMAL'] as const;
export const PRESETS = ['HIGHER_BANDWIDTH_DELIVERY', 'CONSTRAINED_BANDWIDTH_DELIVERY'] as const;
export const CONTAINER_FORMATS = ['TS', 'FRAGMENTED_MP4'] as const;
export const MULTITRACK_POLICIES = ['ALLOW', 'REQUIRE'] as const;
export const MULTITRACK_RESOLUTIONS = ['SD', 'HD', 'FULL_HD'] as const;

export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** What each channel type means, for the type picker and the channel page. */
export const CHANNEL_TYPE_INFO: Record<ChannelType, string> = {
  STANDARD: 'Transcodes to multiple qualities for adaptive playback (up to 1080p input). The default.',
  BASIC: 'Passes the original input to viewers as one quality (no transcoding); lower cost. Up to 1080p.',
  ADVANCED_SD: 'Transcodes with a preset; renditions capped at SD (480p). Input up to 1080p.',
  ADVANCED_HD: 'Transcodes with a preset; renditions capped at HD (720p). Input up to 1080p.',
};

export const PRESET_INFO: Record<(typeof PRESETS)[number], string> = {
  HIGHER_BANDWIDTH_DELIVERY: 'Higher bitrates for viewers on good connections.',
  CONSTRAINED_BANDWIDTH_DELIVERY: 'Lower bitrates for viewers on constrained networks.',
};

export const isAdvancedType = (type: string) => type === 'ADVANCED_SD' || type === 'ADVANCED_HD';

/** PutMetadata payload: 1..1024 bytes of UTF-8 (IVS counts bytes, not characters). */
export const METADATA_MAX_BYTES = 1024;
export const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
