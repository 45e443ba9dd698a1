import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleEvent, EventCursor } from '@/lib/alerts/console-event';
import { advanceCursor, readCursor } from '@/lib/alerts/cursor';
import { claimDeliveries, enqueueDelivery, markFailed, MAX_ATTEMPTS, recentDeliveries } from '@/lib/alerts/deliveries';
import { dispatchOnce } from '@/lib/alerts/dispatcher';
import { claimQuietSlot } from '@/lib/alerts/quiet';
import { createRule, getRule, listRules, updateRule } from '@/lib/alerts/rules';
import type { SendTarget } from '@/lib/alerts/send';
import { countIntake, intakeCounts } from '@/lib/eventbridge/intake-counters';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const T0 = new Date('2026-12-02T16:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const delivery = (n: number, ruleId = 'r1') => ({
  ruleId,
  ruleName: 'R',
  eventId: `e${n}`,
  eventKind: 'stream.ended',
  eventTitle: 't',
  body: '{}',
});

describe.each(BACKENDS)('alerts on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('queues one delivery per rule and event, and two claimers each get a row once', async () => {
    for (let n = 0; n < 10; n++) expect(await enqueueDelivery(db, delivery(n), T0)).toBe(true);
    expect(await enqueueDelivery(db, delivery(3), T0)).toBe(false);
    const [a, b] = await Promise.all([claimDeliveries(db, 6, at(1)), claimDeliveries(db, 6, at(1))]);
    const ids = [...a, ...b].map((d) => d.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    // Taken rows are not claimed again while their lease holds...
    expect(await claimDeliveries(db, 10, at(2))).toEqual([]);
    // ...but are once it ran out (the instance that took them died).
    expect(await claimDeliveries(db, 10, at(61_001))).toHaveLength(10);
  });

  it('retries a failed delivery after its backoff and fails it for good after the last attempt', async () => {
    await db.query('DELETE FROM alert_deliveries');
    await enqueueDelivery(db, delivery(100), T0);
    let now = T0.getTime();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [d] = await claimDeliveries(db, 1, new Date(now));
      expect(d.attempts).toBe(attempt);
      const next = await markFailed(db, d, { httpStatus: 503, error: 'HTTP 503', retry: true }, new Date(now));
      expect(next).toBe(attempt < MAX_ATTEMPTS ? 'retry' : 'failed');
      expect(await claimDeliveries(db, 1, new Date(now + 1))).toEqual([]);
      now += 10 * 60_000;
    }
    const [row] = await recentDeliveries(db);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, httpStatus: 503, lastError: 'HTTP 503' });
  });

  it('keeps the cursor, and never moves it back', async () => {
    expect(await readCursor(db)).toBeNull();
    await advanceCursor(db, { recordedAt: 2000, id: 'b' });
    await advanceCursor(db, { recordedAt: 1000, id: 'z' });
    await advanceCursor(db, { recordedAt: 2000, id: 'a' });
    expect(await readCursor(db)).toEqual({ recordedAt: 2000, id: 'b' });
    await advanceCursor(db, { recordedAt: 2000, id: 'c' });
    expect(await readCursor(db)).toEqual({ recordedAt: 2000, id: 'c' });
  });

  it('lets a rule notify once per channel per quiet period, and the same event again', async () => {
    const q = { ruleId: 'rq', channelArn: 'ch1', quietMinutes: 10 };
    expect(await claimQuietSlot(db, { ...q, eventId: 'e1' }, T0)).toBe(true);
    expect(await claimQuietSlot(db, { ...q, eventId: 'e1' }, at(1000))).toBe(true);
    expect(await claimQuietSlot(db, { ...q, eventId: 'e2' }, at(9 * 60_000))).toBe(false);
    expect(await claimQuietSlot(db, { ...q, channelArn: 'ch2', eventId: 'e2' }, at(9 * 60_000))).toBe(true);
    expect(await claimQuietSlot(db, { ...q, eventId: 'e3' }, at(10 * 60_000))).toBe(true);
  });

  it('counts intake outcomes', async () => {
    await countIntake(db, 'unauthorized', T0);
    await countIntake(db, 'unauthorized', at(5));
    const counts = await intakeCounts(db);
    expect(counts.find((c) => c.outcome === 'unauthorized')).toMatchObject({ count: 2, lastAt: at(5) });
    expect(counts.find((c) => c.outcome === 'recorded')).toMatchObject({ count: 0, lastAt: null });
  });

  it('edits a rule: settings replaced, the sealed URL and secret kept unless given, the secret dropped for Slack', async () => {
    const rule = {
      id: 'rule-edit',
      name: 'Before',
      kinds: ['stream.ended' as const],
      minSeverity: 'info' as const,
      tagKey: null,
      tagValue: null,
      destination: 'webhook' as const,
      url: 'https://hooks.example.com/one',
      signingSecret: 'first-signing-secret',
      quietMinutes: 5,
      createdBy: 'admin@x',
    };
    await createRule(db, rule);
    const changes = { ...rule, name: 'After', tagKey: 'team', tagValue: 'news', quietMinutes: 15, url: null, signingSecret: null };
    expect(await updateRule(db, 'rule-edit', changes)).toBe(true);
    expect(await getRule(db, 'rule-edit')).toMatchObject({
      name: 'After',
      tagKey: 'team',
      quietMinutes: 15,
      url: rule.url,
      signingSecret: rule.signingSecret,
    });
    await updateRule(db, 'rule-edit', { ...changes, url: 'https://hooks.example.com/two', signingSecret: 'second-signing-secret' });
    expect(await getRule(db, 'rule-edit')).toMatchObject({ url: 'https://hooks.example.com/two', signingSecret: 'second-signing-secret' });
    const { rows } = await db.query<{ url: string }>("SELECT url FROM alert_rules WHERE id = 'rule-edit'");
    expect(rows[0].url).not.toContain('hooks.example.com');
    await updateRule(db, 'rule-edit', { ...changes, destination: 'slack' });
    expect(await getRule(db, 'rule-edit')).toMatchObject({
      destination: 'slack',
      signingSecret: null,
      url: 'https://hooks.example.com/two',
    });
    expect(await updateRule(db, 'no-such-rule', changes)).toBe(false);
    await db.query("DELETE FROM alert_rules WHERE id = 'rule-edit'");
  });

  it('dispatches each event to its matching rules once, honouring the quiet period, across repeated runs', async () => {
    await db.query('DELETE FROM alert_deliveries');
    await db.query('DELETE FROM alert_cursor');
    await createRule(db, {
      id: 'rule-a',
      name: 'A',
      kinds: ['starvation.started'],
      minSeverity: 'warning',
      tagKey: null,
      tagValue: null,
      destination: 'webhook',
      url: 'http://127.0.0.1:9/a',
      signingSecret: 'sixteen-chars-secret',
      quietMinutes: 10,
      createdBy: 'admin@x',
    });
    await createRule(db, {
      id: 'rule-b',
      name: 'B',
      kinds: ['starvation.started'],
      minSeverity: 'info',
      tagKey: 'team',
      tagValue: 'news',
      destination: 'slack',
      url: 'https://hooks.example/b',
      signingSecret: null,
      quietMinutes: 10,
      createdBy: 'admin@x',
    });
    expect(await listRules(db)).toHaveLength(2);
    // Sealed in the store: no URL nor signing secret in the clear, and the rules read them back.
    const { rows } = await db.query<{ url: string; signing_secret: string | null }>('SELECT url, signing_secret FROM alert_rules');
    expect(JSON.stringify(rows)).not.toMatch(/127\.0\.0\.1|hooks\.example|sixteen-chars-secret/);
    expect((await listRules(db)).map((r) => r.url).sort()).toEqual(['http://127.0.0.1:9/a', 'https://hooks.example/b']);
    const ev = (n: number, channelArn: string, ms: number): ConsoleEvent => ({
      id: `ev${n}`,
      kind: 'starvation.started',
      severity: 'critical',
      source: 'watcher',
      region: 'us-west-2',
      channelArn,
      streamId: 'st-1',
      occurredAt: T0.getTime() + ms,
      recordedAt: T0.getTime() + ms,
      title: `starving ${n}`,
      detail: '',
      dedupeKey: `k${n}`,
    });
    const feed = [ev(1, 'ch-sports', 0), ev(2, 'ch-sports', 60_000), ev(3, 'ch-news', 61_000)];
    const eventsAfter = async (c: EventCursor | null, limit: number) =>
      feed.filter((e) => !c || e.recordedAt > c.recordedAt || (e.recordedAt === c.recordedAt && e.id > c.id)).slice(0, limit);
    const sent: Array<{ url: string; body: string }> = [];
    const deps = {
      db,
      eventsAfter,
      channelTags: async (_r: string, arn: string) => (arn === 'ch-news' ? { team: 'news' } : { team: 'sports' }),
      send: async (t: SendTarget, body: string) => (sent.push({ url: t.url, body }), { ok: true as const, httpStatus: 204 }),
      now: () => at(2 * 60_000),
    };
    const first = await dispatchOnce(deps);
    const second = await dispatchOnce(deps);
    // A gets ev1 (ev2 is inside its quiet period on ch-sports) and ev3; B only ev3 (tag team=news).
    expect(first).toMatchObject({ events: 3, queued: 3, sent: 3 });
    expect(second).toMatchObject({ events: 0, queued: 0, sent: 0 });
    expect(sent.map((s) => `${s.url} ${JSON.parse(s.body).event?.id ?? 'slack'}`).sort()).toEqual([
      'http://127.0.0.1:9/a ev1',
      'http://127.0.0.1:9/a ev3',
      'https://hooks.example/b slack',
    ]);
    expect(await readCursor(db)).toEqual({ recordedAt: T0.getTime() + 61_000, id: 'ev3' });
  });
});
