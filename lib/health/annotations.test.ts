import { describe, expect, it } from 'vitest';
import { eventMarkers, starvationShading } from './annotations';

const T = Date.parse('2026-12-02T12:00:00Z');
const at = (s: number) => new Date(T + s * 1000).toISOString();

describe('eventMarkers', () => {
  it('puts every timed event on the axis, in time order, with decodeEvent’s severity and the code in its label', () => {
    const markers = eventMarkers([
      { name: 'Starvation Start', type: 'IVS Stream Health Change', eventTime: at(60) },
      { name: 'Stream Start', type: 'IVS Stream State Change', eventTime: at(0) },
      { name: 'Session Ended', type: 'IVS Stream State Change', code: 'MultitrackInputNotAllowed', eventTime: at(120) },
      { name: 'Stream Failure', type: 'IVS Stream State Change', eventTime: at(90) },
    ]);
    expect(markers).toEqual([
      { time: T, label: 'Stream Start', severity: 'info' },
      { time: T + 60_000, label: 'Starvation Start', severity: 'warning' },
      { time: T + 90_000, label: 'Stream Failure', severity: 'critical' },
      { time: T + 120_000, label: 'Session Ended (MultitrackInputNotAllowed)', severity: 'warning' },
    ]);
  });

  it('leaves out events with no readable time', () => {
    expect(eventMarkers([{ name: 'Stream Start' }, { name: 'Stream End', eventTime: 'not a time' }])).toEqual([]);
  });

  it('keeps only the events inside a window when given one', () => {
    const events = [
      { name: 'Stream Start', eventTime: at(0) },
      { name: 'Stream End', eventTime: at(300) },
    ];
    expect(eventMarkers(events, { start: T + 1, end: T + 400_000 }).map((m) => m.label)).toEqual(['Stream End']);
  });
});

describe('starvationShading', () => {
  it('shades each starvation, an open one to the edge', () => {
    const spans = starvationShading([
      { name: 'Starvation Start', eventTime: at(10) },
      { name: 'Starvation End', eventTime: at(40) },
      { name: 'Starvation Start', eventTime: at(100) },
    ]);
    expect(spans).toEqual([
      { start: T + 10_000, end: T + 40_000, label: 'Starved' },
      { start: T + 100_000, end: null, label: 'Starving' },
    ]);
  });
});
