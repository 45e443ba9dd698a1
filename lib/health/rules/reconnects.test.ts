import { describe, expect, it } from 'vitest';
import { ctx, event, MIN, T0 } from '../test-fixtures';
import { reconnectRule, RECONNECT_GAP_MS } from './reconnects';

/** Sessions of `length` ms separated by `gap` ms, as ListStreamSessions would give them. */
const sessions = (count: number, length: number, gap: number) =>
  Array.from({ length: count }, (_, i) => {
    const start = T0 + i * (length + gap);
    return { startTime: new Date(start), endTime: new Date(start + length) };
  });

describe('reconnectRule', () => {
  it('three quick reconnects are a loop (critical), with the offline gaps', () => {
    const [f] = reconnectRule(ctx({ sessions: sessions(4, MIN, 10_000) }));
    expect(f).toMatchObject({ id: 'reconnect-loop', severity: 'critical' });
    expect(f.detail).toContain('reconnected 3 times in 2 min 20 s (offline 10 s, 10 s, 10 s before each)');
  });

  it('two are a warning; one is nothing', () => {
    expect(reconnectRule(ctx({ sessions: sessions(3, MIN, 10_000) }))[0].severity).toBe('warning');
    expect(reconnectRule(ctx({ sessions: sessions(2, MIN, 10_000) }))).toEqual([]);
  });

  it('a gap longer than 2 minutes is a new broadcast, not a reconnect', () => {
    expect(reconnectRule(ctx({ sessions: sessions(4, MIN, RECONNECT_GAP_MS + 1000) }))).toEqual([]);
    expect(reconnectRule(ctx({ sessions: sessions(4, MIN, RECONNECT_GAP_MS) }))).toHaveLength(1);
  });

  it('counts only reconnects within 15 minutes of each other', () => {
    expect(reconnectRule(ctx({ sessions: sessions(4, 20 * MIN, 10_000) }))).toEqual([]);
    // 10-minute sessions: two reconnects 10 min apart fit one window, three do not.
    expect(reconnectRule(ctx({ sessions: sessions(4, 10 * MIN, 10_000) }))[0].severity).toBe('warning');
  });

  it('reads Session Created/Ended events when no session list is given, in any order', () => {
    const events = [0, 1, 2, 3].flatMap((i) => [
      event('Session Created', T0 + i * 70_000),
      event('Stream Start', T0 + i * 70_000 + 2000),
      event('Session Ended', T0 + i * 70_000 + 60_000),
    ]);
    expect(reconnectRule(ctx({ events: events.reverse() }))[0].severity).toBe('critical');
  });

  it('ignores the live session (no end yet) as a gap source', () => {
    const live = [{ startTime: new Date(T0) }, { startTime: new Date(T0 + 5000) }];
    expect(reconnectRule(ctx({ sessions: live }))).toEqual([]);
  });
});
