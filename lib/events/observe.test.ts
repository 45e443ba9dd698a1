import { describe, expect, it } from 'vitest';
import { diffObservation, goneStreams, type EndInfo, type Observation, type ObservedStream, type WatchRow } from '@/lib/events/observe';
import type { Finding } from '@/lib/health/types';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/abcd';
const T = Date.UTC(2026, 11, 2, 16, 0);

const stream = (over: Partial<ObservedStream> = {}): ObservedStream => ({
  channelArn: ARN,
  channelId: 'abcd',
  streamId: 'st-1',
  health: 'HEALTHY',
  viewerCount: 100,
  startTime: new Date(T - 30_000).toISOString(),
  ...over,
});
const look = (streams: ObservedStream[], over: Partial<Observation> = {}): Observation => ({
  region: 'us-west-2',
  at: T,
  streams,
  complete: true,
  channels: new Map([[ARN, { name: 'studio-a', type: 'STANDARD' }]]),
  findings: new Map(),
  ...over,
});
const none = new Map<string, EndInfo>();

/** The state after a first look at `s`. */
const after = (s: ObservedStream, findings: string[] = []): WatchRow[] =>
  diffObservation([], look([s]), none).rows.map((r) => ({ ...r, findings }));

describe('diffObservation', () => {
  it('a new stream: stream.started at its start time, named, and the state to keep', () => {
    const { events, rows } = diffObservation([], look([stream()]), none);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'stream.started',
        severity: 'info',
        source: 'watcher',
        channelArn: ARN,
        streamId: 'st-1',
        occurredAt: T - 30_000,
        title: 'Stream started on “studio-a”',
        dedupeKey: `stream.started:${ARN}:st-1`,
      }),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({ streamId: 'st-1', health: 'HEALTHY', viewers: 100, channelName: 'studio-a', channelType: 'STANDARD' }),
    ]);
  });

  it('a second identical look records nothing', () => {
    const prev = after(stream());
    expect(diffObservation(prev, look([stream()], { at: T + 15_000, channels: new Map() }), none).events).toEqual([]);
  });

  it('an end the console caused is expected (info); one nobody caused is unexpected (critical), at the time IVS gives', () => {
    const prev = after(stream());
    const expected = diffObservation(prev, look([]), new Map([[ARN, { endedAt: T - 5_000, stoppedFromConsole: true }]]));
    expect(expected.events).toEqual([
      expect.objectContaining({
        kind: 'stream.ended',
        severity: 'info',
        occurredAt: T - 5_000,
        data: expect.objectContaining({ expected: true }),
      }),
    ]);
    expect(expected.rows).toEqual([]);
    const unexpected = diffObservation(prev, look([]), new Map([[ARN, { endedAt: null, stoppedFromConsole: false }]]));
    expect(unexpected.events).toEqual([
      expect.objectContaining({
        kind: 'stream.ended',
        severity: 'critical',
        occurredAt: T,
        title: 'Stream ended unexpectedly on “studio-a”',
        data: expect.objectContaining({ expected: false }),
      }),
    ]);
    // Both sources name the same end with the same key, whatever time each gives.
    expect(expected.events[0].dedupeKey).toBe(unexpected.events[0].dedupeKey);
  });

  it('a channel live with another stream: the old one ended and the new one started', () => {
    const { events } = diffObservation(after(stream()), look([stream({ streamId: 'st-2' })]), none);
    expect(events.map((e) => `${e.kind} ${e.streamId}`)).toEqual(['stream.ended st-1', 'stream.started st-2']);
  });

  it('a capped listing that misses a channel does not end its stream', () => {
    const prev = after(stream());
    expect(goneStreams(prev, { streams: [], complete: false })).toEqual([]);
    const { events, rows } = diffObservation(prev, look([], { complete: false }), none);
    expect(events).toEqual([]);
    expect(rows).toEqual(prev);
  });

  it('starvation starts (critical) and ends (info); other health changes are health.changed', () => {
    const starving = diffObservation(after(stream()), look([stream({ health: 'STARVING' })]), none);
    expect(starving.events).toEqual([
      expect.objectContaining({ kind: 'starvation.started', severity: 'critical', title: '“studio-a” is starving' }),
    ]);
    expect(diffObservation(starving.rows, look([stream({ health: 'STARVING' })]), none).events).toEqual([]);
    const over = diffObservation(starving.rows, look([stream({ health: 'HEALTHY' })], { at: T + 60_000 }), none);
    expect(over.events).toEqual([expect.objectContaining({ kind: 'starvation.ended', severity: 'info', occurredAt: T + 60_000 })]);
    const unknown = diffObservation(after(stream()), look([stream({ health: 'UNKNOWN' })]), none);
    expect(unknown.events).toEqual([
      expect.objectContaining({
        kind: 'health.changed',
        severity: 'warning',
        data: expect.objectContaining({ from: 'HEALTHY', to: 'UNKNOWN' }),
      }),
    ]);
  });

  it('a stream already starving when first seen: started and starving', () => {
    expect(diffObservation([], look([stream({ health: 'STARVING' })]), none).events.map((e) => e.kind)).toEqual([
      'stream.started',
      'starvation.started',
    ]);
  });

  it('viewers dropping by more than half and by at least 20 is a sharp drop; smaller falls are not', () => {
    const prev = after(stream({ viewerCount: 100 }));
    expect(diffObservation(prev, look([stream({ viewerCount: 40 })]), none).events).toEqual([
      expect.objectContaining({ kind: 'viewers.dropped', severity: 'warning', data: expect.objectContaining({ from: 100, to: 40 }) }),
    ]);
    expect(diffObservation(prev, look([stream({ viewerCount: 51 })]), none).events).toEqual([]);
    expect(diffObservation(after(stream({ viewerCount: 30 })), look([stream({ viewerCount: 12 })]), none).events).toEqual([]); // lost 18
  });

  it('a finding new on this stream is recorded once, with its severity; one already seen is not', () => {
    const finding = (id: string, severity: Finding['severity'] = 'critical'): Finding => ({
      id,
      severity,
      title: 'Ingest bitrate above the channel type’s 8.5 Mbps',
      detail: 'Video and audio together averaged 9.4 Mbps.',
      fix: 'Lower the bitrate.',
      window: { start: T - 120_000, end: T },
    });
    const prev = after(stream(), ['keyframe-interval']);
    const { events, rows } = diffObservation(
      prev,
      look([stream()], { findings: new Map([[ARN, [finding('keyframe-interval', 'warning'), finding('bitrate-over-limit')]]]) }),
      none,
    );
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'finding.appeared',
        severity: 'critical',
        occurredAt: T - 120_000,
        data: expect.objectContaining({ findingId: 'bitrate-over-limit' }),
      }),
    ]);
    expect(rows[0].findings).toEqual(['keyframe-interval', 'bitrate-over-limit']);
    // No diagnosis on this look: the findings seen so far are kept.
    expect(diffObservation(rows, look([stream()]), none).rows[0].findings).toEqual(['keyframe-interval', 'bitrate-over-limit']);
  });
});
