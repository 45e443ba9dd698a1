import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importAuditJsonl } from '@/lib/audit/import-jsonl';
import { entry } from '@/lib/audit/test-entries';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const jsonl = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${JSON.stringify(entry(from + i))}\n`).join('');

describe.each(BACKENDS)('importing audit.jsonl into the $name store', ({ open }) => {
  let db: Db;
  let file: string;
  beforeAll(async () => {
    db = await open();
  });
  beforeEach(async () => {
    await db.exec('DELETE FROM audit_log; DELETE FROM store_imports');
    file = path.join(mkdtempSync(path.join(tmpdir(), 'import-')), 'audit.jsonl');
  });
  afterAll(() => db.close());
  const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;

  it('imports every whole line once, skips a torn last line and keeps the file as a backup', async () => {
    writeFileSync(file, `${jsonl(0, 2500)}\n{"id":"torn","at":"2026`);
    const original = readFileSync(file, 'utf8');
    expect(await importAuditJsonl(db, file)).toMatchObject({ status: 'imported', lines: 2500, backup: `${file}.imported` });
    expect(await count()).toBe(2500);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(`${file}.imported`, 'utf8')).toBe(original);
    const [first] = (await db.query<{ user: string }>('SELECT "user" FROM audit_log WHERE id = $1', [entry(0).id])).rows;
    expect(first.user).toBe(entry(0).user);
    // A second start finds the import done and the file gone: nothing happens.
    expect(await importAuditJsonl(db, file)).toMatchObject({ status: 'done', lines: 2500 });
    expect(await count()).toBe(2500);
  });

  it('resumes an interrupted import without duplicates or gaps', async () => {
    writeFileSync(file, jsonl(0, 1500));
    const firstBatchEnd = Buffer.byteLength(jsonl(0, 1000));
    // As if the process died after committing the first batch, and after inserting part of the next
    // one whose progress row never committed (a retried batch must not duplicate).
    await db.query(`INSERT INTO store_imports (source, byte_offset, lines, done) VALUES ('audit.jsonl', $1, 1000, false)`, [firstBatchEnd]);
    writeFileSync(path.join(path.dirname(file), 'part.jsonl'), jsonl(0, 1200));
    await importAuditJsonl(db, path.join(path.dirname(file), 'part.jsonl'), 'other');
    expect(await count()).toBe(1200);
    appendFileSync(file, jsonl(1500, 1600));
    expect(await importAuditJsonl(db, file)).toMatchObject({ status: 'imported', lines: 1600 });
    expect(await count()).toBe(1600);
  });

  it('leaves the planner statistics current, since the embedded engine has no autovacuum to do it', async () => {
    // Without them, /audit filtered by a resource walked the time index past 1,000,000 rows (218 ms).
    const analysed = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'audit_log' AND attname = 'resource_arn'`,
        )
      ).rows[0].n;
    writeFileSync(file, jsonl(0, 1200));
    await importAuditJsonl(db, file);
    expect(await analysed()).toBe(1);
  });
});
