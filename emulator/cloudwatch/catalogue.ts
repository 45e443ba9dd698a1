// The AWS/IVS metrics the local CloudWatch serves (docs/ivs-metrics.md is the contract the console
// follows too). Ingest metrics and per-channel ConcurrentViews have the one dimension `Channel`, the
// channel's resource id (the last part of its ARN); ConcurrentViews and ConcurrentStreams without a
// dimension are the region's totals.
export const NAMESPACE = 'AWS/IVS';
export const CHANNEL_DIMENSION = 'Channel';
export const INGEST_METRICS = ['IngestVideoBitrate', 'IngestAudioBitrate', 'IngestFramerate', 'KeyframeInterval'] as const;
export const CHANNEL_METRICS = [...INGEST_METRICS, 'ConcurrentViews'] as const;
export const REGION_METRICS = ['ConcurrentViews', 'ConcurrentStreams'] as const;

// CloudWatch keeps high-resolution data at coarser periods as it ages: [max age in s, min period in s].
export const RETENTION: readonly (readonly [number, number])[] = [
  [3 * 3600, 1],
  [15 * 86400, 60],
  [63 * 86400, 300],
  [455 * 86400, 3600],
];

/** How far back (in seconds) data can be read at this period. */
export function maxAgeForPeriod(period: number): number {
  return RETENTION.reduce((age, [maxAge, minPeriod]) => (period >= minPeriod ? maxAge : age), 0);
}

// Periods CloudWatch accepts for high-resolution metrics: 1, 5, 10, 20, 30, or a multiple of 60.
export const isValidPeriod = (p: number) => Number.isInteger(p) && p > 0 && ([1, 5, 10, 20, 30].includes(p) || p % 60 === 0);
