// Stream events shaped for the time axis of the health charts, the same on the live channel page and
// the session page (client-safe, pure).
import { starvationEpisodes } from './rules/starvation';
import { decodeEvent } from './stream-events';
import type { Severity, StreamEventInput } from './types';

export interface EventMarker {
  time: number;
  label: string;
  severity: Severity;
}

export interface ShadedSpan {
  start: number;
  end: number | null;
  label: string;
}

const toMs = (t: StreamEventInput['eventTime']): number =>
  t instanceof Date ? t.getTime() : typeof t === 'number' ? t : t ? Date.parse(t) : NaN;

/**
 * One marker per event, named "Stream Start" or "Session Ended (MultitrackInputNotAllowed)", with the
 * severity decodeEvent gives it; events without a readable time are left off (they have no place on an axis).
 */
export function eventMarkers(events: StreamEventInput[], window?: { start: number; end: number }): EventMarker[] {
  return events
    .map((e) => {
      const d = decodeEvent(e);
      return { time: toMs(e.eventTime), label: d.code ? `${d.name} (${d.code})` : d.name || 'Unnamed event', severity: d.severity };
    })
    .filter((m) => Number.isFinite(m.time) && (!window || (m.time >= window.start && m.time <= window.end)))
    .sort((a, b) => a.time - b.time);
}

/** Starvation periods to shade; one still open (no Starvation End yet) has end null: it lasts to the chart's edge. */
export function starvationShading(events: StreamEventInput[]): ShadedSpan[] {
  return starvationEpisodes(events).map((e) => ({ ...e, label: e.end === null ? 'Starving' : 'Starved' }));
}
