import { describe, expect, it } from 'vitest';
import { sessionWindow } from './window';

const T = Date.parse('2026-12-02T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

describe('sessionWindow', () => {
  it('covers an ended session with 5% either side, at least 30 s', () => {
    const w = sessionWindow(iso(T), iso(T + 60 * MIN), T + 24 * 60 * MIN);
    expect(w).toMatchObject({ start: T - 3 * MIN, end: T + 63 * MIN, sessionStart: T, sessionEnd: T + 60 * MIN, live: false });
    const short = sessionWindow(iso(T), iso(T + 2 * MIN), T + 60 * MIN);
    expect([short.start, short.end]).toEqual([T - 30_000, T + 2 * MIN + 30_000]);
  });

  it('caps the margin at 5 minutes for a long session', () => {
    const w = sessionWindow(iso(T), iso(T + 10 * 60 * MIN), T + 20 * 60 * MIN);
    expect([w.start, w.end]).toEqual([T - 5 * MIN, T + 10 * 60 * MIN + 5 * MIN]);
  });

  it('ends at now while live, and never past now for a session that just ended', () => {
    const live = sessionWindow(iso(T), null, T + 20 * MIN + 400);
    expect(live).toMatchObject({ live: true, end: T + 20 * MIN, sessionEnd: T + 20 * MIN + 400, start: T - MIN });
    const justEnded = sessionWindow(iso(T), iso(T + 20 * MIN), T + 20 * MIN + 5_000);
    expect(justEnded.end).toBe(T + 20 * MIN + 5_000);
    expect(justEnded.live).toBe(false);
  });

  it('survives a session without a start time', () => {
    const w = sessionWindow(null, iso(T), T + MIN);
    expect(w.sessionStart).toBe(T);
    expect(w.start).toBe(T - 30_000);
  });
});
