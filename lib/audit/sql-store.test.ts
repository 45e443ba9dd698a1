import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlAuditStore } from '@/lib/audit/sql-store';
import { purgeOlderThan } from '@/lib/audit/retention';
import { entry } from '@/lib/audit/test-entries';
import type { AuditEntry, AuditStore } from '@/lib/audit/types';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

describe.each(BACKENDS)('audit log on the $name store', ({ open }) => {
  let db: Db;
  let store: AuditStore;
  beforeAll(async () => {
    db = await open();
    store = createSqlAuditStore(async () => db);
  });
  afterAll(() => db.close());
  const ids = (list: AuditEntry[]) => list.map((e) => e.id);

  it('stores concurrent appends and reads them back whole, newest first', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => store.append(entry(n))));
    const all = await store.query({});
    expect(ids(all)).toEqual(['id-0006', 'id-0005', 'id-0004', 'id-0003', 'id-0002', 'id-0001']);
    expect(all[5]).toEqual(entry(1));
    await store.append(entry(7, { error: 'IVS answered ConflictException', resourceArn: undefined }));
    expect((await store.query({ limit: 1 }))[0]).toEqual(entry(7, { error: 'IVS answered ConflictException', resourceArn: undefined }));
  });

  it('filters by user (any case), action, resource, outcome and time', async () => {
    expect(ids(await store.query({ user: 'admin@local.TEST' }))).toEqual(['id-0006', 'id-0004', 'id-0002']);
    expect(ids(await store.query({ action: 'stream-key.reveal' }))).toEqual(['id-0006', 'id-0003']);
    expect(ids(await store.query({ resource: entry(4).resourceArn }))).toEqual(['id-0004']);
    expect(ids(await store.query({ outcome: 'denied' }))).toEqual(['id-0005']);
    expect(ids(await store.query({ from: entry(2).at, to: entry(4).at }))).toEqual(['id-0004', 'id-0003', 'id-0002']);
    // Exact matches: a fragment, or a LIKE wildcard, matches nothing.
    expect(await store.query({ user: 'admin' })).toEqual([]);
    expect(await store.query({ action: 'channel.%' })).toEqual([]);
  });

  it('a filter by resource also finds records of what belongs to it (a stream key under its channel)', async () => {
    const channel = 'arn:aws:ivs:us-west-2:123456789012:channel/parent1';
    const key = 'arn:aws:ivs:us-west-2:123456789012:stream-key/key1';
    await store.append(entry(20, { action: 'stream-key.reveal', resourceArn: key, parentArn: channel, at: '2025-06-01T00:00:00.000Z' }));
    await store.append(entry(21, { action: 'channel.update', resourceArn: channel, at: '2025-06-01T00:01:00.000Z' }));
    expect(ids(await store.query({ resource: channel }))).toEqual(['id-0021', 'id-0020']);
    expect(ids(await store.query({ resource: key }))).toEqual(['id-0020']);
    expect((await store.query({ resource: key }))[0]).toEqual(
      entry(20, { action: 'stream-key.reveal', resourceArn: key, parentArn: channel, at: '2025-06-01T00:00:00.000Z' }),
    );
    // Still exact: a prefix of the channel's ARN finds nothing.
    expect(await store.query({ resource: channel.slice(0, -1) })).toEqual([]);
  });

  it('pages by keyset: each page starts after the last record of the one before, ties broken by id', async () => {
    const same = '2026-02-01T00:00:00.000Z';
    for (const n of [10, 11, 12]) await store.append(entry(n, { at: same }));
    const first = await store.query({ limit: 2 });
    expect(ids(first)).toEqual(['id-0012', 'id-0011']);
    const second = await store.query({ limit: 2, before: first[1] });
    expect(ids(second)).toEqual(['id-0010', 'id-0007']);
    expect(ids(await store.query({ limit: 3, before: second[1], user: 'admin@local.test' }))).toEqual(['id-0006', 'id-0004', 'id-0002']);
  });

  it('retention deletes only older records, in batches', async () => {
    const old = Array.from({ length: 2100 }, (_, i) => entry(5000 + i, { at: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString() }));
    await db.transaction(async (tx) => {
      for (const e of old)
        await tx.query(`INSERT INTO audit_log (id, at, "user", role, region, action, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          e.id,
          e.at,
          e.user,
          e.role,
          e.region,
          e.action,
          e.outcome,
        ]);
    });
    const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect(await purgeOlderThan(store, 30, new Date('2021-01-01T00:00:00Z'), 0)).toBe(2100);
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before - 2100);
  });

  it('refuses, with an error, when the store cannot write (the strict path for secret reveals relies on it)', async () => {
    const broken = createSqlAuditStore(async () => {
      throw new Error('store unavailable');
    });
    await expect(broken.append(entry(99))).rejects.toThrow('store unavailable');
    await expect(store.append(entry(1))).rejects.toThrow(); // a duplicate id is refused, not dropped silently
  });
});
