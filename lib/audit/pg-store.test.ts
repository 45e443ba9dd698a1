import { beforeEach, describe, expect, it, vi } from 'vitest';

// No PostgreSQL server in unit tests: a fake Pool records the SQL and parameters it is given.
const calls = vi.hoisted(() => ({ queries: [] as { text: string; params?: unknown[] }[], rows: [] as unknown[] }));

vi.mock('pg', () => ({
  Pool: class {
    async query(text: string, params?: unknown[]) {
      calls.queries.push({ text, params });
      return { rows: text.startsWith('SELECT') ? calls.rows : [] };
    }
  },
}));

import { createPgAuditStore } from '@/lib/audit/pg-store';

beforeEach(() => {
  calls.queries = [];
  calls.rows = [];
});

const entry = {
  id: 'e1',
  at: '2026-01-01T00:00:00.000Z',
  user: 'admin@local.test',
  role: 'admin',
  region: 'us-west-2',
  action: 'channel.delete',
  resourceArn: 'arn:aws:ivs:us-west-2:123456789012:channel/abc',
  outcome: 'success' as const,
};

describe('PostgreSQL audit store', () => {
  it('creates the table and indexes once, then inserts with parameters only', async () => {
    const store = createPgAuditStore('postgres://unused');
    await store.append(entry);
    await store.append({ ...entry, id: 'e2' });
    expect(calls.queries.filter((q) => q.text.includes('CREATE TABLE IF NOT EXISTS audit_log'))).toHaveLength(1);
    expect(calls.queries[0].text).toMatch(/CREATE INDEX IF NOT EXISTS audit_log_at_idx/);
    const insert = calls.queries[1];
    expect(insert.text).not.toContain('admin@local.test');
    expect(insert.params).toEqual(['e1', entry.at, entry.user, 'admin', 'us-west-2', 'channel.delete', entry.resourceArn, 'success', null]);
  });

  it('filters with placeholders, escapes LIKE wildcards and orders newest first', async () => {
    const store = createPgAuditStore('postgres://unused');
    await store.query({ user: "50%_o'brien", action: 'channel', from: '2026-01-01T00:00:00Z', limit: 10, offset: 20 });
    const select = calls.queries.at(-1)!;
    expect(select.text).toMatch(/"user" ILIKE \$1 AND action ILIKE \$2 AND at >= \$3/);
    expect(select.text).toMatch(/ORDER BY at DESC, id DESC LIMIT \$4 OFFSET \$5/);
    expect(select.text).not.toContain("o'brien");
    expect(select.params).toEqual(["%50\\%\\_o'brien%", '%channel%', new Date('2026-01-01T00:00:00Z'), 10, 20]);
  });

  it('maps rows back to audit entries', async () => {
    calls.rows = [{ ...entry, at: new Date(entry.at), resource_arn: entry.resourceArn, error: null }];
    const [got] = await createPgAuditStore('postgres://unused').query({});
    expect(got).toEqual(entry);
  });
});
