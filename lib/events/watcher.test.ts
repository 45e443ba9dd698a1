import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore, type EventStore } from '@/lib/events/store';
import type { ObservedStream, RecordingFailure } from '@/lib/events/observe';
import { WATCHER_LEASE, watchTick, type WatchDeps } from '@/lib/events/watcher';
import type { Finding } from '@/lib/health/types';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/wxyz';
const stream = (over: Partial<ObservedStream> = {}): ObservedStream => ({
  channelArn: ARN,
  channelId: 'wxyz',
  streamId: 'st-A',
  health: 'HEALTHY',
  viewerCount: 50,
  startTime: new Date(Date.now() - 60_000).toISOString(),
  ...over,
});

describe.each(BACKENDS)('the event watcher on the $name store', ({ open }) => {
  let db: Db;
  let events: EventStore;
  // What IVS "shows" on the next look, and what each fake read was asked.
  let live: ObservedStream[] = [];
  let findings: Map<string, Finding[]> | undefined;
  const asked = { channels: 0, endedAt: 0 };
  let recordingFailures: RecordingFailure[] = [];

  const watcher = (holder: string): WatchDeps => ({
    db,
    holder,
    leaseMs: 30_000,
    regions: async () => ['us-west-2'],
    snapshot: async () => ({ fetchedAt: Date.now(), streams: live, truncated: false }),
    channels: async (_region, arns) => {
      asked.channels++;
      return new Map(arns.map((a) => [a, { name: 'night-show', type: 'STANDARD' }]));
    },
    sessionEnd: async () => {
      asked.endedAt++;
      return { endedAt: Date.now() - 2_000, recordingFailures };
    },
    findings: async () => findings,
    record: (e) => events.recordEvent(e),
  });
  // In the order they were recorded (the feed's order is when they happened, which the fakes blur).
  const kinds = async () =>
    (await events.eventsAfter(null, 200)).map((e) => `${e.kind}${e.kind === 'stream.ended' ? ` ${e.severity}` : ''} ${e.streamId}`);

  beforeAll(async () => {
    db = await open();
    events = createEventStore(async () => db);
  });
  afterAll(() => db.close());

  it('records a start once: a second identical tick, from the state in the store, adds nothing', async () => {
    live = [stream()];
    expect(await watchTick(watcher('one'))).toEqual({ leader: true, recorded: 1 });
    expect(await watchTick(watcher('one'))).toEqual({ leader: true, recorded: 0 });
    expect(await kinds()).toEqual(['stream.started st-A']);
    expect(asked.channels).toBe(1); // the channel's name and type are kept with the state
  });

  it('starvation, a viewer drop and a new finding, each once', async () => {
    live = [stream({ health: 'STARVING', viewerCount: 10 })];
    findings = new Map([
      [ARN, [{ id: 'frame-rate-low', severity: 'warning', title: 'Low frame rate', detail: 'd', fix: 'f', window: null }]],
    ]);
    expect((await watchTick(watcher('one'))).recorded).toBe(3);
    expect((await watchTick(watcher('one'))).recorded).toBe(0);
    findings = undefined;
    live = [stream({ viewerCount: 10 })];
    expect((await watchTick(watcher('one'))).recorded).toBe(1);
    expect(await kinds()).toEqual([
      'stream.started st-A',
      'starvation.started st-A',
      'viewers.dropped st-A',
      'finding.appeared st-A',
      'starvation.ended st-A',
    ]);
  });

  it('an end after a stop from the console (audit log) is expected; otherwise unexpected', async () => {
    await db.query(
      `INSERT INTO audit_log (id, at, "user", role, region, action, resource_arn, outcome) VALUES ('stop-1', now(), 'op@local.test', 'operator', 'us-west-2', 'stream.stop', $1, 'success')`,
      [ARN],
    );
    live = [];
    await watchTick(watcher('one'));
    live = [stream({ streamId: 'st-B' })];
    await watchTick(watcher('one'));
    await db.query(`DELETE FROM audit_log WHERE id = 'stop-1'`);
    live = [];
    await watchTick(watcher('one'));
    expect((await kinds()).slice(-3)).toEqual(['stream.ended info st-A', 'stream.started st-B', 'stream.ended critical st-B']);
    expect(asked.endedAt).toBe(2);
  });

  it("a recording that failed shows in the ended session's events: recording.failed, once", async () => {
    live = [stream({ streamId: 'st-R' })];
    await watchTick(watcher('one'));
    recordingFailures = [{ status: 'Recording Start Failure', at: Date.now() - 60_000, code: 'AccessDenied' }];
    live = [];
    await watchTick(watcher('one'));
    await watchTick(watcher('one'));
    recordingFailures = [];
    const failed = (await events.eventsAfter(null, 500)).filter((e) => e.kind === 'recording.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      severity: 'critical',
      streamId: 'st-R',
      title: '“night-show”: recording did not start',
      data: { recordingStatus: 'Recording Start Failure', reason: 'AccessDenied' },
    });
  });

  it('two watchers on one store: one looks, the other waits, then takes over where it stopped once the lease lapses', async () => {
    live = [stream({ streamId: 'st-C' })];
    expect((await watchTick(watcher('one'))).leader).toBe(true);
    expect(await watchTick(watcher('two'))).toEqual({ leader: false, recorded: 0 });
    // 'one' dies: its lease runs out (as if 30 s passed).
    await db.query(`UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = $1`, [WATCHER_LEASE]);
    expect(await watchTick(watcher('two'))).toEqual({ leader: true, recorded: 0 }); // st-C was already recorded by 'one'
    expect((await watchTick(watcher('one'))).leader).toBe(false);
    live = [];
    expect(await watchTick(watcher('two'))).toEqual({ leader: true, recorded: 1 });
    expect((await kinds()).slice(-2)).toEqual(['stream.started st-C', 'stream.ended critical st-C']);
  });
});
