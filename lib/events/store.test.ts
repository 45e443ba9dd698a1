import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventStore, purgeEvents, type EventStore } from '@/lib/events/store';
import { eventDedupeKey, type ConsoleEvent, type NewConsoleEvent } from '@/lib/events/types';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const A = 'arn:aws:ivs:us-west-2:123456789012:channel/aaaa';
const B = 'arn:aws:ivs:us-west-2:123456789012:channel/bbbb';
const T0 = Date.UTC(2026, 11, 1, 12, 0);

function ev(n: number, over: Partial<NewConsoleEvent> = {}): NewConsoleEvent {
  const kind = over.kind ?? (n % 2 ? 'stream.started' : 'starvation.started');
  const channelArn = over.channelArn ?? (n % 3 ? A : B);
  const occurredAt = over.occurredAt ?? T0 + n * 60_000;
  return {
    kind,
    severity: kind === 'stream.started' ? 'info' : 'warning',
    source: 'watcher',
    region: 'us-west-2',
    channelArn,
    streamId: `st-${n}`,
    occurredAt,
    title: `event ${n}`,
    detail: `detail ${n}`,
    dedupeKey: eventDedupeKey(kind, channelArn, `st-${n}`, occurredAt),
    ...over,
  };
}

describe.each(BACKENDS)('events on the $name store', ({ open }) => {
  let db: Db;
  let events: EventStore;
  beforeAll(async () => {
    db = await open();
    events = createEventStore(async () => db);
  });
  afterAll(() => db.close());
  const titles = (list: ConsoleEvent[]) => list.map((e) => e.title);

  it('records an event once per dedupeKey, even when both sources report it at the same time', async () => {
    const first = ev(1, { data: { viewers: 12 } });
    const sameFromEventBridge = { ...first, source: 'eventbridge' as const };
    const [a, b] = await Promise.all([events.recordEvent(first), events.recordEvent(sameFromEventBridge)]);
    expect([a.inserted, b.inserted].sort()).toEqual([false, true]);
    expect(a.event.id).toBe(b.event.id);
    // Either report may win the race (CI once saw the second one win); the one stored is kept.
    const winner = a.inserted ? first : sameFromEventBridge;
    const again = await events.recordEvent(first);
    expect(again).toMatchObject({ inserted: false, event: { id: a.event.id, source: winner.source } });
    expect(again.event).toMatchObject({ ...winner, streamId: 'st-1', data: { viewers: 12 } });
    expect(again.event.recordedAt).toBeGreaterThan(Date.now() - 60_000);
    expect((await events.listEvents({})).events).toHaveLength(1);
  });

  it('refuses what the schema does not know rather than storing it', async () => {
    await expect(events.recordEvent(ev(2, { kind: 'stream.exploded' as never, dedupeKey: 'x1' }))).rejects.toThrow();
    await expect(events.recordEvent(ev(2, { severity: 'panic' as never, dedupeKey: 'x2' }))).rejects.toThrow();
    await expect(events.recordEvent(ev(2, { occurredAt: Number.NaN, dedupeKey: 'x3' }))).rejects.toThrow(/occurredAt/);
  });

  it('lists newest first and filters by channel, kind, severity and region', async () => {
    for (const n of [2, 3, 4, 5, 6]) await events.recordEvent(ev(n));
    await events.recordEvent(ev(7, { region: 'eu-west-1', channelArn: 'arn:aws:ivs:eu-west-1:123456789012:channel/eu' }));
    expect(titles((await events.listEvents({})).events)).toEqual([
      'event 7',
      'event 6',
      'event 5',
      'event 4',
      'event 3',
      'event 2',
      'event 1',
    ]);
    expect(titles((await events.listEvents({ channelArn: B })).events)).toEqual(['event 6', 'event 3']);
    expect(titles((await events.listEvents({ kind: 'starvation.started' })).events)).toEqual(['event 6', 'event 4', 'event 2']);
    expect(titles((await events.listEvents({ severity: 'info', region: 'us-west-2' })).events)).toEqual(['event 5', 'event 3', 'event 1']);
    expect(titles((await events.listEvents({ channelArn: A, kind: 'stream.started' })).events)).toEqual(['event 5', 'event 1']);
    expect((await events.listEvents({ region: 'ap-south-1' })).events).toEqual([]);
  });

  it('pages by keyset: each page starts after the last one, ties on time broken by id, and ends with next = null', async () => {
    const same = T0 + 100 * 60_000;
    for (const n of [10, 11, 12]) await events.recordEvent(ev(n, { occurredAt: same, dedupeKey: `tie-${n}` }));
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { events: list, next } = await events.listEvents({ limit: 4, before });
      seen.push(...titles(list));
      if (!next) break;
      before = next;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(seen.slice(0, 3).sort()).toEqual(['event 10', 'event 11', 'event 12']);
    expect(seen.slice(3)).toEqual(['event 7', 'event 6', 'event 5', 'event 4', 'event 3', 'event 2', 'event 1']);
    const filtered = await events.listEvents({ kind: 'starvation.started', limit: 2 });
    expect(titles(filtered.events).sort()).toEqual(['event 10', 'event 12']); // same time: id order, ids are random
    expect(titles((await events.listEvents({ kind: 'starvation.started', limit: 2, before: filtered.next! })).events)).toEqual([
      'event 6',
      'event 4',
    ]);
    await expect(events.listEvents({ before: 'not a cursor' })).rejects.toThrow(/cursor/);
  });

  it('gives a dispatcher every event once, oldest recorded first, from its cursor on', async () => {
    const got: string[] = [];
    let cursor: { recordedAt: number; id: string } | null = null;
    for (;;) {
      const batch = await events.eventsAfter(cursor, 3);
      if (!batch.length) break;
      got.push(...titles(batch));
      cursor = batch[batch.length - 1];
    }
    expect(got.slice(0, 1)).toEqual(['event 1']);
    expect(got).toHaveLength(10);
    expect(new Set(got).size).toBe(10);
    await events.recordEvent(ev(13));
    expect(titles(await events.eventsAfter(cursor, 10))).toEqual(['event 13']);
  });

  it('retention deletes only events recorded before the cutoff, in batches', async () => {
    await db.query(
      `INSERT INTO console_events (id, dedupe_key, kind, severity, source, region, channel_arn, occurred_at, recorded_at, title, detail)
       SELECT 'old-' || i, 'old-' || i, 'stream.started', 'info', 'watcher', 'us-west-2', $1, $2::timestamptz, $2::timestamptz, 'old', 'old'
       FROM generate_series(1, 2100) AS i`,
      [A, '2020-01-01T00:00:00Z'],
    );
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM console_events')).rows[0].n;
    const before = await count();
    expect(await purgeEvents(events, 30, new Date('2021-01-01T00:00:00Z'), 0)).toBe(2100);
    expect(await count()).toBe(before - 2100);
    expect(await purgeEvents(events, 30, new Date(), 0)).toBe(0);
  });

  it('takes a starvation the other source saw up to 90 s apart (another minute) as the same one', async () => {
    const at = Date.UTC(2026, 11, 1, 13, 0, 50);
    const seenByIvs = ev(500, { kind: 'starvation.started', channelArn: B, occurredAt: at, source: 'eventbridge' });
    // The watcher's poll saw it 20 s later, in the next minute: another dedupe key, the same happening.
    const polled = {
      ...seenByIvs,
      source: 'watcher' as const,
      occurredAt: at + 20_000,
      dedupeKey: eventDedupeKey('starvation.started', B, 'st-500', at + 20_000),
    };
    expect(polled.dedupeKey).not.toBe(seenByIvs.dedupeKey);
    const [a, b] = await Promise.all([events.recordEvent(seenByIvs), events.recordEvent(polled)]);
    expect([a.inserted, b.inserted].sort()).toEqual([false, true]);
    expect(a.event.id).toBe(b.event.id);
    // A starvation of the same stream two minutes later is another one, and so is its end.
    const later = at + 120_000;
    expect(
      (await events.recordEvent({ ...polled, occurredAt: later, dedupeKey: eventDedupeKey('starvation.started', B, 'st-500', later) }))
        .inserted,
    ).toBe(true);
    expect(
      (
        await events.recordEvent({
          ...polled,
          kind: 'starvation.ended',
          dedupeKey: eventDedupeKey('starvation.ended', B, 'st-500', at + 20_000),
        })
      ).inserted,
    ).toBe(true);
    const mine = (await events.listEvents({ channelArn: B })).events.filter((x) => x.streamId === 'st-500');
    expect(mine).toHaveLength(3);
  });

  it('keeps the first acknowledgement: a second (another operator, a double click) changes nothing', async () => {
    const { event } = await events.recordEvent(ev(700, { channelArn: 'arn:aws:ivs:us-west-2:123456789012:channel/ackack' }));
    expect(event).toMatchObject({ acknowledgedBy: null, acknowledgedAt: null });
    const at = new Date(Date.UTC(2026, 11, 3, 8, 0));
    const first = await events.acknowledgeEvent(event.id, 'op1@example.com', at);
    const second = await events.acknowledgeEvent(event.id, 'op2@example.com', new Date(at.getTime() + 5_000));
    expect(first).toMatchObject({ id: event.id, acknowledgedBy: 'op1@example.com', acknowledgedAt: at.getTime() });
    expect(second).toMatchObject({ acknowledgedBy: 'op1@example.com', acknowledgedAt: at.getTime() });
    expect(await events.acknowledgeEvent('00000000-0000-4000-8000-000000000000', 'op1@example.com')).toBeNull();
  });
});
