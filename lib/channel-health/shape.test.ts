import { describe, expect, it } from 'vitest';
import { hasPoints, markersFromEvents, overlaps, shadingFromEvents, videoHeightOf } from './shape';

const T0 = Date.parse('2026-12-02T12:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe('stream-health shaping', () => {
  const events = [
    { name: 'Session Created', eventTime: at(0) },
    { name: 'Stream Start', eventTime: at(1) },
    { name: 'Starvation Start', type: 'IVS Stream Health Change', eventTime: at(60) },
    { name: 'Starvation End', type: 'IVS Stream Health Change', eventTime: at(150) },
    { name: 'Starvation Start', type: 'IVS Stream Health Change', eventTime: at(600) },
    { name: 'Session Ended', code: 'MultitrackInputNotAllowed', eventTime: at(700) },
  ];

  it('shades starvation episodes, an unmatched start as still going', () => {
    expect(shadingFromEvents(events)).toEqual([
      { start: T0 + 60_000, end: T0 + 150_000, label: 'Starvation' },
      { start: T0 + 600_000, end: null, label: 'Starvation' },
    ]);
  });

  it('marks the other events in the window with their decoded severity', () => {
    const markers = markersFromEvents(events, T0 + 500, T0 + 800_000);
    expect(markers.map((m) => m.label)).toEqual(['Stream Start', 'Session Ended (MultitrackInputNotAllowed)']);
    expect(markers[1].severity).not.toBe('info');
  });

  it('knows when a channel streamed in a window', () => {
    expect(hasPoints({ IngestVideoBitrate: { timestamps: [], values: [] } })).toBe(false);
    expect(hasPoints({ ConcurrentViews: { timestamps: [T0], values: [0] } })).toBe(true);
    expect(overlaps({ startTime: T0, endTime: null }, T0 + 1, T0 + 2)).toBe(true);
    expect(overlaps({ startTime: T0, endTime: T0 + 10 }, T0 + 11, T0 + 20)).toBe(false);
    expect(overlaps({ startTime: T0 + 30, endTime: null }, T0, T0 + 20)).toBe(false);
  });

  it("takes the tallest video track's height for BASIC's limit", () => {
    expect(videoHeightOf({ video: [{ videoHeight: 480 }, { videoHeight: 1080 }], audio: [] })).toBe(1080);
    expect(videoHeightOf({ video: [], audio: [] })).toBeUndefined();
  });
});
