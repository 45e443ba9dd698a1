import { describe, expect, it } from 'vitest';
import { ctx, event, MIN, T0 } from '../test-fixtures';
import { starvationEpisodes, starvationRule, STARVATION_REPEAT_WINDOW_MS } from './starvation';

const starve = (at: number, seconds: number | null) =>
  seconds === null ? [event('Starvation Start', at)] : [event('Starvation Start', at), event('Starvation End', at + seconds * 1000)];

describe('starvationRule', () => {
  it('one ended starvation is a warning with how long and when', () => {
    const [f] = starvationRule(ctx({ events: starve(T0, 20), now: T0 + 10 * MIN }));
    expect(f).toMatchObject({ id: 'starvation', severity: 'warning', title: 'The stream starved' });
    expect(f.detail).toContain('once (20 s starved in all), last at 12:00:00 UTC');
    expect(f.window).toEqual({ start: T0, end: T0 + 20_000 });
  });

  it('two within 10 minutes are repeated starvation (critical), with the count and span', () => {
    const events = [...starve(T0, 30), ...starve(T0 + 4 * MIN, 50), ...starve(T0 + 7 * MIN, 40)];
    const [f] = starvationRule(ctx({ events }));
    expect(f).toMatchObject({ severity: 'critical', title: 'Repeated starvation' });
    expect(f.detail).toContain('3 times in 7 min (2 min starved in all)');
  });

  it('two further apart than the repeat window stay a warning', () => {
    const events = [...starve(T0, 10), ...starve(T0 + STARVATION_REPEAT_WINDOW_MS + 1000, 10)];
    expect(starvationRule(ctx({ events }))[0].severity).toBe('warning');
    const close = [...starve(T0, 10), ...starve(T0 + STARVATION_REPEAT_WINDOW_MS, 10)];
    expect(starvationRule(ctx({ events: close }))[0].severity).toBe('critical');
  });

  it('a start without an end is starving now (critical), timed to `now`', () => {
    const [f] = starvationRule(ctx({ events: starve(T0, null), now: T0 + 90_000 }));
    expect(f).toMatchObject({ severity: 'critical', title: 'The stream is starving now' });
    expect(f.detail).toContain('(90 s starved in all), starving since 12:00:00 UTC');
  });

  it('pairs events given newest first, as truncatedEvents are, with ISO strings', () => {
    const events = [
      { name: 'Starvation End', eventTime: new Date(T0 + 5000).toISOString() },
      { name: 'Starvation Start', eventTime: new Date(T0).toISOString() },
    ];
    expect(starvationEpisodes(events)).toEqual([{ start: T0, end: T0 + 5000 }]);
  });

  it('says nothing without starvation events', () => {
    expect(starvationRule(ctx({ events: [event('Stream Start', T0)] }))).toEqual([]);
  });
});
