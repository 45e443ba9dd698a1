import { describe, expect, it } from 'vitest';
import { hasPoints, overlaps, videoHeightOf } from './shape';

const T0 = Date.parse('2026-12-02T12:00:00Z');

describe('stream-health shaping', () => {
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
