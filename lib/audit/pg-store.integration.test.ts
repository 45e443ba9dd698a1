import { afterAll, describe, expect, it } from 'vitest';
import { Pool } from 'pg';
import { createPgAuditStore } from '@/lib/audit/pg-store';
import type { AuditEntry } from '@/lib/audit/types';

// Runs against a real PostgreSQL server: `npm run test:unit` starts a throwaway one
// (scripts/with-postgres.sh). Without TEST_DATABASE_URL these tests are skipped, and say so.
const url = process.env.TEST_DATABASE_URL;

function entry(n: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `pg-${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    user: n % 2 ? 'operator@local.test' : 'admin@local.test',
    role: n % 2 ? 'operator' : 'admin',
    region: 'us-west-2',
    action: n % 3 ? 'channel.create' : 'stream-key.reveal',
    resourceArn: `arn:aws:ivs:us-west-2:123456789012:channel/c${n}`,
    outcome: 'success',
    ...over,
  };
}

describe.skipIf(!url)('PostgreSQL audit store against a real server', () => {
  const store = createPgAuditStore(url!);
  afterAll(async () => {
    const pool = new Pool({ connectionString: url });
    await pool.query('DROP TABLE IF EXISTS audit_log');
    await pool.end();
  });

  it('creates its table on first use, stores concurrent appends and reads them newest first', async () => {
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => store.append(entry(n))));
    const all = await store.query({});
    expect(all.map((e) => e.id)).toEqual(['pg-6', 'pg-5', 'pg-4', 'pg-3', 'pg-2', 'pg-1']);
    expect(all[5]).toEqual(entry(1));
  });

  it('filters by user, action, resource and time, and pages with limit and offset', async () => {
    expect((await store.query({ user: 'admin@' })).map((e) => e.id)).toEqual(['pg-6', 'pg-4', 'pg-2']);
    expect((await store.query({ action: 'reveal' })).map((e) => e.id)).toEqual(['pg-6', 'pg-3']);
    expect((await store.query({ resource: 'channel/c4' })).map((e) => e.id)).toEqual(['pg-4']);
    const from = entry(2).at;
    const to = entry(4).at;
    expect((await store.query({ from, to })).map((e) => e.id)).toEqual(['pg-4', 'pg-3', 'pg-2']);
    expect((await store.query({ limit: 2, offset: 1 })).map((e) => e.id)).toEqual(['pg-5', 'pg-4']);
  });

  it('treats LIKE wildcards in a filter as plain characters', async () => {
    await store.append(entry(7, { user: 'o_brien@local.test', outcome: 'failure', error: 'IVS answered ConflictException' }));
    expect((await store.query({ user: '_' })).map((e) => e.id)).toEqual(['pg-7']);
    expect((await store.query({ user: '%' })).map((e) => e.id)).toEqual([]);
    const [failed] = await store.query({ user: 'o_brien' });
    expect(failed.error).toBe('IVS answered ConflictException');
  });
});
