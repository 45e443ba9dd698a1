// The AWS/IVS metrics the console charts (client-safe). docs/ivs-metrics.md has the facts behind
// them; the emulator serves the same names, units and dimension.
export const IVS_NAMESPACE = 'AWS/IVS';
export const CHANNEL_DIMENSION = 'Channel';

export const CHANNEL_METRICS = [
  'IngestVideoBitrate',
  'IngestAudioBitrate',
  'IngestFramerate',
  'KeyframeInterval',
  'ConcurrentViews',
] as const;
export type ChannelMetric = (typeof CHANNEL_METRICS)[number];

export interface MetricInfo {
  label: string;
  unit: 'Mbps' | 'fps' | 's' | 'viewers';
  // The statistic each period is read with: the average, except the keyframe interval, where the
  // worst value in the period is what breaks playback.
  stat: 'Average' | 'Maximum';
}

export const METRIC_INFO: Record<ChannelMetric, MetricInfo> = {
  IngestVideoBitrate: { label: 'Video bitrate', unit: 'Mbps', stat: 'Average' },
  IngestAudioBitrate: { label: 'Audio bitrate', unit: 'Mbps', stat: 'Average' },
  IngestFramerate: { label: 'Frame rate', unit: 'fps', stat: 'Average' },
  KeyframeInterval: { label: 'Keyframe interval', unit: 's', stat: 'Maximum' },
  ConcurrentViews: { label: 'Viewers', unit: 'viewers', stat: 'Average' },
};

// Periods GetMetricData accepts for these high-resolution metrics, smallest first.
const PERIODS = [5, 10, 30, 60, 300, 900, 3600];
// What CloudWatch keeps: data older than this many seconds is only readable at this period or longer.
const RETENTION: [maxAgeSeconds: number, minPeriod: number][] = [
  [3 * 3600, 1],
  [15 * 86400, 60],
  [63 * 86400, 300],
  [455 * 86400, 3600],
];

/** The smallest period that gives at most `maxPoints` per series and that CloudWatch still keeps for `start`. */
export function periodFor(start: Date, end: Date, now = new Date(), maxPoints = 360): number {
  const windowSeconds = Math.max(1, (end.getTime() - start.getTime()) / 1000);
  const age = (now.getTime() - start.getTime()) / 1000;
  const retained = RETENTION.find(([maxAge]) => age <= maxAge)?.[1] ?? 3600;
  return PERIODS.find((p) => p >= retained && windowSeconds / p <= maxPoints) ?? 3600;
}
