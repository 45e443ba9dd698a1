import { describe, expect, it } from 'vitest';
import { mapIvsEvent } from '@/lib/eventbridge/map';
import { eventDedupeKey } from '@/lib/events/types';

const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456';

// The documented envelope (docs/eventbridge.md), one per detail-type.
function ivsEvent(detailType: string, detail: Record<string, unknown>, time = '2026-12-02T16:00:05Z') {
  return {
    version: '0',
    id: 'e1b2c3d4-0000-4000-8000-000000000001',
    'detail-type': detailType,
    source: 'aws.ivs',
    account: '123456789012',
    time,
    region: 'us-west-2',
    resources: [CHANNEL],
    detail,
  };
}
const stream = { channel_name: 'Main stage', stream_id: 'st-1A2b3C4d5E6f' };

describe('mapIvsEvent', () => {
  it('maps Stream State Change Stream Start and Stream End to stream.started / stream.ended, one key per stream', () => {
    const start = mapIvsEvent(ivsEvent('IVS Stream State Change', { ...stream, event_name: 'Stream Start' }));
    const end = mapIvsEvent(ivsEvent('IVS Stream State Change', { ...stream, event_name: 'Stream End' }));
    expect(start).toMatchObject({
      ok: true,
      event: {
        kind: 'stream.started',
        severity: 'info',
        source: 'eventbridge',
        channelArn: CHANNEL,
        streamId: 'st-1A2b3C4d5E6f',
        region: 'us-west-2',
        title: 'Stream started on “Main stage”',
      },
    });
    expect(end).toMatchObject({ ok: true, event: { kind: 'stream.ended', dedupeKey: `stream.ended:${CHANNEL}:st-1A2b3C4d5E6f` } });
    expect(start.ok && start.event?.occurredAt).toBe(Date.parse('2026-12-02T16:00:05Z'));
  });

  it('maps Stream Failure to a critical stream.ended', () => {
    expect(mapIvsEvent(ivsEvent('IVS Stream State Change', { ...stream, event_name: 'Stream Failure' }))).toMatchObject({
      ok: true,
      event: { kind: 'stream.ended', severity: 'critical' },
    });
  });

  it("maps Stream Health Change Starvation Start / End, keyed as the watcher keys it (the minute of IVS's event time)", () => {
    const a = mapIvsEvent(ivsEvent('IVS Stream Health Change', { ...stream, event_name: 'Starvation Start' }, '2026-12-02T16:00:05.123Z'));
    const again = mapIvsEvent(ivsEvent('IVS Stream Health Change', { ...stream, event_name: 'Starvation Start' }, '2026-12-02T16:00:05Z'));
    const end = mapIvsEvent(ivsEvent('IVS Stream Health Change', { ...stream, event_name: 'Starvation End' }));
    expect(a).toMatchObject({
      ok: true,
      event: {
        kind: 'starvation.started',
        severity: 'critical',
        dedupeKey: eventDedupeKey('starvation.started', CHANNEL, 'st-1A2b3C4d5E6f', Date.parse('2026-12-02T16:00:05Z')),
      },
    });
    expect(again.ok && again.event?.dedupeKey).toBe(a.ok && a.event?.dedupeKey);
    expect(end).toMatchObject({ ok: true, event: { kind: 'starvation.ended', severity: 'info' } });
  });

  it('maps IVS Limit Breach with its limit, amount and unit', () => {
    const r = mapIvsEvent(
      ivsEvent('IVS Limit Breach', {
        event_name: 'Limit Breach',
        limit_name: 'Stream Bitrate',
        exceeded_by: 1500,
        limit_value: 8500,
        limit_unit: 'Kbps',
      }),
    );
    expect(r).toMatchObject({
      ok: true,
      event: {
        kind: 'limit.breached',
        severity: 'warning',
        streamId: null,
        detail: expect.stringContaining('by 1500 Kbps (limit 8500 Kbps)'),
        data: { limitName: 'Stream Bitrate', exceededBy: 1500 },
      },
    });
  });

  it('maps Recording State Change failures to recording.failed and passes over a normal start', () => {
    const failed = mapIvsEvent(
      ivsEvent('IVS Recording State Change', {
        ...stream,
        recording_status: 'Recording Start Failure',
        recording_status_reason: 'Access denied',
        recording_s3_bucket_name: 'b',
        recording_s3_key_prefix: 'ivs/v1/x',
      }),
    );
    expect(failed).toMatchObject({
      ok: true,
      event: {
        kind: 'recording.failed',
        severity: 'critical',
        title: '“Main stage”: recording did not start',
        detail: expect.stringMatching(
          /^Recording Start Failure: Access denied\. Nothing of this stream is being recorded.*\(EventBridge\)$/,
        ),
      },
    });
    expect(mapIvsEvent(ivsEvent('IVS Recording State Change', { ...stream, recording_status: 'Recording End Failure' }))).toMatchObject({
      ok: true,
      event: { kind: 'recording.failed', severity: 'warning' },
    });
    expect(mapIvsEvent(ivsEvent('IVS Recording State Change', { ...stream, recording_status: 'Recording Start' }))).toMatchObject({
      ok: true,
      event: null,
    });
  });

  it('passes over valid IVS events the console has no kind for', () => {
    expect(mapIvsEvent(ivsEvent('IVS Stream State Change', { ...stream, event_name: 'Session Created' }))).toMatchObject({
      ok: true,
      event: null,
    });
    expect(mapIvsEvent(ivsEvent('IVS Stage Update', { event_name: 'Participant Published' }))).toMatchObject({ ok: true, event: null });
  });

  it('refuses what is not an IVS event', () => {
    expect(mapIvsEvent({ ...ivsEvent('IVS Stream State Change', stream), source: 'aws.s3' }).ok).toBe(false);
    expect(mapIvsEvent({ ...ivsEvent('IVS Stream State Change', stream), time: 'yesterday' }).ok).toBe(false);
    expect(mapIvsEvent({ ...ivsEvent('IVS Stream State Change', stream), resources: ['arn:aws:s3:::bucket'] }).ok).toBe(false);
    expect(mapIvsEvent({ ...ivsEvent('IVS Stream State Change', stream), region: 'eu-west-1' }).ok).toBe(false);
    expect(mapIvsEvent([]).ok).toBe(false);
    expect(mapIvsEvent(null).ok).toBe(false);
  });
});
