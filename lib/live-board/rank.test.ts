import { describe, expect, it } from 'vitest';
import { compareBoardRows, type Rankable } from './rank';

const row = (channelId: string, over: Partial<Rankable> = {}): Rankable => ({
  channelId,
  health: 'HEALTHY',
  viewerCount: 0,
  findings: { count: 0, worst: null },
  ...over,
});
const order = (rows: Rankable[]) => [...rows].sort(compareBoardRows).map((r) => r.channelId);

describe('compareBoardRows (the /live board, worst first)', () => {
  it('puts starving first, then any other unhealthy state, then healthy, whatever the findings and viewers', () => {
    const rows = [
      row('healthy-critical', { findings: { count: 5, worst: 'critical' }, viewerCount: 9999 }),
      row('unknown', { health: 'UNKNOWN' }),
      row('starving', { health: 'STARVING', viewerCount: 1 }),
    ];
    expect(order(rows)).toEqual(['starving', 'unknown', 'healthy-critical']);
  });

  it('within a health, ranks by the worst finding, then by how many findings', () => {
    const rows = [
      row('none'),
      row('info', { findings: { count: 3, worst: 'info' } }),
      row('warning-1', { findings: { count: 1, worst: 'warning' } }),
      row('warning-2', { findings: { count: 2, worst: 'warning' } }),
      row('critical', { findings: { count: 1, worst: 'critical' } }),
    ];
    expect(order(rows)).toEqual(['critical', 'warning-2', 'warning-1', 'info', 'none']);
  });

  it('breaks ties by viewers (more first), then by channel id so equal rows keep their place', () => {
    const rows = [row('b', { viewerCount: 10 }), row('c', { viewerCount: 500 }), row('a', { viewerCount: 10 })];
    expect(order(rows)).toEqual(['c', 'a', 'b']);
    expect(order([...rows].reverse())).toEqual(['c', 'a', 'b']);
  });
});
