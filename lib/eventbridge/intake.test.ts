import { describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent, NewConsoleEvent } from '@/lib/alerts/console-event';
import { handleEventBridgeDelivery, MAX_EVENT_BYTES, type IntakeDeps } from '@/lib/eventbridge/intake';
import { secretMatches } from '@/lib/security/shared-secret';

const SECRET = 'eventbridge-test-secret-0123456789';
const event = {
  id: 'e1',
  'detail-type': 'IVS Stream Health Change',
  source: 'aws.ivs',
  time: '2026-12-02T16:00:05Z',
  region: 'us-west-2',
  resources: ['arn:aws:ivs:us-west-2:123456789012:channel/AbCdEf123456'],
  detail: { event_name: 'Starvation Start', channel_name: 'c', stream_id: 'st-1' },
};

function deps(secret: string | undefined) {
  const keys = new Set<string>();
  const counts: string[] = [];
  const record = vi.fn(async (e: NewConsoleEvent) => {
    const inserted = !keys.has(e.dedupeKey);
    keys.add(e.dedupeKey);
    return { event: { ...e, id: `ev-${e.dedupeKey}`, recordedAt: 1 } as ConsoleEvent, inserted };
  });
  const d: IntakeDeps = { secret, record, count: async (o) => void counts.push(o) };
  return { d, record, counts };
}
const post = (body: string, headers: Record<string, string> = { 'x-ivs-console-secret': SECRET }) =>
  new Request('http://console.test/api/events/eventbridge', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('secretMatches', () => {
  it('accepts only the exact secret: not a wrong one, a missing one, nor one of another length', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET.replace(/.$/, 'X'), SECRET)).toBe(false);
    expect(secretMatches(null, SECRET)).toBe(false);
    expect(secretMatches('', SECRET)).toBe(false);
    expect(secretMatches(SECRET.slice(0, 5), SECRET)).toBe(false);
    expect(secretMatches(`${SECRET}extra`, SECRET)).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });
});

describe('handleEventBridgeDelivery', () => {
  it('is 404 when EVENTBRIDGE_SECRET is unset', async () => {
    const { d, counts } = deps(undefined);
    expect((await handleEventBridgeDelivery(post(JSON.stringify(event)), d)).status).toBe(404);
    expect(counts).toEqual([]);
  });

  it('refuses a missing, wrong or shorter secret with 401, counted, nothing recorded', async () => {
    const { d, record, counts } = deps(SECRET);
    for (const headers of [
      {} as Record<string, string>,
      { 'x-ivs-console-secret': 'wrong-secret-of-the-same-size-xxxxx' },
      { 'x-ivs-console-secret': 'short' },
    ]) {
      expect((await handleEventBridgeDelivery(post(JSON.stringify(event), headers), d)).status).toBe(401);
    }
    expect(record).not.toHaveBeenCalled();
    expect(counts).toEqual(['unauthorized', 'unauthorized', 'unauthorized']);
  });

  it('refuses an oversized body with 413 and a malformed one with 400, counted, nothing recorded', async () => {
    const { d, record, counts } = deps(SECRET);
    expect((await handleEventBridgeDelivery(post('x'.repeat(MAX_EVENT_BYTES + 1)), d)).status).toBe(413);
    expect((await handleEventBridgeDelivery(post('{not json'), d)).status).toBe(400);
    expect((await handleEventBridgeDelivery(post(JSON.stringify({ ...event, source: 'aws.s3' })), d)).status).toBe(400);
    expect(record).not.toHaveBeenCalled();
    expect(counts).toEqual(['too-large', 'malformed', 'malformed']);
  });

  it('records a valid event once: the same delivery again is a duplicate', async () => {
    const { d, record, counts } = deps(SECRET);
    d.onRecorded = vi.fn();
    const first = await handleEventBridgeDelivery(post(JSON.stringify(event)), d);
    const second = await handleEventBridgeDelivery(post(JSON.stringify({ ...event, id: 'e2' })), d);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ recorded: true, kind: 'starvation.started' });
    expect(await second.json()).toMatchObject({ recorded: false });
    expect(record).toHaveBeenCalledTimes(2);
    expect(record.mock.calls[0][0]).toMatchObject({ source: 'eventbridge', kind: 'starvation.started' });
    expect(counts).toEqual(['recorded', 'duplicate']);
    // The dispatcher is kicked for the new event only.
    expect(d.onRecorded).toHaveBeenCalledOnce();
  });

  it('words a Stream End as the watcher would: expected after a stop from the console, unexpected otherwise', async () => {
    const end = {
      ...event,
      'detail-type': 'IVS Stream State Change',
      detail: { event_name: 'Stream End', channel_name: 'Main', stream_id: 'st-2' },
    };
    const asked: number[] = [];
    for (const stopped of [true, false]) {
      const { d, record } = deps(SECRET);
      d.stoppedFromConsole = async (_arn, since) => (asked.push(since), stopped);
      await handleEventBridgeDelivery(post(JSON.stringify(end)), d);
      expect(record.mock.calls[0][0]).toMatchObject(
        stopped
          ? { kind: 'stream.ended', severity: 'info', title: 'Stream ended on “Main”: stopped from the console', data: { expected: true } }
          : { kind: 'stream.ended', severity: 'critical', title: 'Stream ended unexpectedly on “Main”', data: { expected: false } },
      );
    }
    // It looks back from IVS's time of the end, not from the delivery's.
    expect(asked[0]).toBe(Date.parse(end.time) - 60_000);
  });
});
