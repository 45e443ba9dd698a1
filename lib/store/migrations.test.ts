import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '@/lib/store/migrations';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

describe.each(BACKENDS)('migrations on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open(); // open() migrates
  });
  afterAll(() => db.close());

  it('records every version once and running them again changes nothing', async () => {
    await migrate(db);
    await Promise.all([migrate(db), migrate(db)]);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('gives every audit filter an index that ends in the page order', async () => {
    const { rows } = await db.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_log' AND schemaname = current_schema()`,
    );
    const defs = rows.map((r) => r.indexdef).join('\n');
    for (const column of ['lower("user")', 'action', 'resource_arn', 'outcome']) {
      expect(defs).toContain(`(${column}, at DESC, id DESC)`);
    }
  });

  it('gives every event feed filter an index that ends in the feed order', async () => {
    const { rows } = await db.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'console_events' AND schemaname = current_schema()`,
    );
    const defs = rows.map((r) => r.indexdef).join('\n');
    for (const column of ['channel_arn', 'kind', 'severity', 'region']) expect(defs).toContain(`(${column}, occurred_at DESC, id DESC)`);
    expect(defs).toMatch(/UNIQUE INDEX console_events_dedupe_idx .*\(dedupe_key\)/);
  });
});
