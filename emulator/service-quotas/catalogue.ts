// The IVS low-latency resource quotas the local Service Quotas answers for ServiceCode `ivs`, with
// the defaults of the "Other Quotas" table in the IVS Low-Latency User Guide
// (https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/service-quotas.md). Checked 2026-12-03
// against that page as the search tools store it: its history confirms only channels, concurrent views
// and concurrent streams are adjustable; the stored copy cuts the table's numbers off. Checked again
// 2026-12-04: a second, independent public source (a project's design notes, which say they took them
// from the official page) gives the same three defaults: channels 5,000, concurrent streams 100,
// concurrent views 15,000 (lib/quotas/catalogue.ts has the same ones).
// Key pairs, recording configurations, restriction policies and stream keys per channel match the
// limits the emulator's operations already enforce; channels, concurrent streams and concurrent
// views are the adjustable ones. The quota codes are the emulator's own (L-IVS0000n), visibly not
// AWS's: the console matches a quota by its name, so it does not depend on them.
export interface IvsQuota {
  code: string;
  name: string;
  defaultValue: number;
  adjustable: boolean;
  description: string;
}

export const QUOTA = {
  channels: 'L-IVS00001',
  concurrentStreams: 'L-IVS00002',
  concurrentViews: 'L-IVS00003',
  playbackKeyPairs: 'L-IVS00004',
  recordingConfigurations: 'L-IVS00005',
  restrictionPolicies: 'L-IVS00006',
  streamKeysPerChannel: 'L-IVS00007',
} as const;
export type QuotaCode = (typeof QUOTA)[keyof typeof QUOTA];

export const IVS_QUOTAS: readonly IvsQuota[] = [
  { code: QUOTA.channels, name: 'Channels', defaultValue: 5000, adjustable: true, description: 'Maximum number of channels per Region.' },
  {
    code: QUOTA.concurrentStreams,
    name: 'Concurrent streams',
    defaultValue: 100,
    adjustable: true,
    description: 'Maximum number of streams live at the same time across all channels in a Region.',
  },
  {
    code: QUOTA.concurrentViews,
    name: 'Concurrent views',
    defaultValue: 15000,
    adjustable: true,
    description: 'Maximum number of concurrent views across all channels in a Region.',
  },
  {
    code: QUOTA.playbackKeyPairs,
    name: 'Playback key pairs',
    defaultValue: 3,
    adjustable: false,
    description: 'Maximum number of playback key pairs per Region.',
  },
  {
    code: QUOTA.recordingConfigurations,
    name: 'Recording configurations',
    defaultValue: 20,
    adjustable: false,
    description: 'Maximum number of recording configurations per Region.',
  },
  {
    code: QUOTA.restrictionPolicies,
    name: 'Playback restriction policies',
    defaultValue: 20,
    adjustable: false,
    description: 'Maximum number of playback restriction policies per Region.',
  },
  {
    code: QUOTA.streamKeysPerChannel,
    name: 'Stream keys per channel',
    defaultValue: 1,
    adjustable: false,
    description: 'Maximum number of stream keys per channel.',
  },
];

export const quotaByCode = (code: string): IvsQuota | undefined => IVS_QUOTAS.find((q) => q.code === code);
