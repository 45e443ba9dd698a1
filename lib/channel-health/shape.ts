import type { HealthMetrics, IngestInput } from '@/lib/health/types';

// Pure shaping of IVS answers into what the charts draw (kept apart from read.ts, which calls AWS);
// events become markers and shading in lib/health/annotations.ts, shared with the session page.

/** Does any metric have a point? */
export const hasPoints = (series: HealthMetrics): boolean => Object.values(series).some((s) => (s?.timestamps.length ?? 0) > 0);

/** A session overlaps [start, end] when it began before the end and had not ended before the start. */
export const overlaps = (s: { startTime: number; endTime: number | null }, start: number, end: number): boolean =>
  s.startTime <= end && (s.endTime === null || s.endTime >= start);

/** The tallest video track's height: BASIC's bitrate limit depends on it. */
export function videoHeightOf(ingest: IngestInput | undefined): number | undefined {
  const heights = (ingest?.video ?? []).map((v) => v.videoHeight ?? 0).filter((h) => h > 0);
  return heights.length ? Math.max(...heights) : undefined;
}
