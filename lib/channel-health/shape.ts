import { decodeEvent } from '@/lib/health/stream-events';
import { starvationEpisodes } from '@/lib/health/rules/starvation';
import type { HealthMetrics, IngestInput, StreamEventInput } from '@/lib/health/types';
import type { ChannelHealthDto } from './types';

// Pure shaping of IVS answers into what the charts draw (kept apart from read.ts, which calls AWS).

const STARVATION = new Set(['Starvation Start', 'Starvation End']);

/** Starvation episodes as shaded periods (an open end means still starving). */
export const shadingFromEvents = (events: StreamEventInput[]): ChannelHealthDto['shaded'] =>
  starvationEpisodes(events).map((e) => ({ start: e.start, end: e.end, label: 'Starvation' }));

/** Every other event in the window as a marker, with the severity its decoding gives it (starvation is shaded, not marked). */
export function markersFromEvents(events: StreamEventInput[], start: number, end: number): ChannelHealthDto['markers'] {
  return events.flatMap((e) => {
    const time = e.eventTime === undefined ? NaN : new Date(e.eventTime).getTime();
    if (!Number.isFinite(time) || time < start || time > end || STARVATION.has(e.name ?? '')) return [];
    const d = decodeEvent(e);
    return [{ time, label: d.code ? `${d.name} (${d.code})` : d.name || 'Event', severity: d.severity }];
  });
}

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
