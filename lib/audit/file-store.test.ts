import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileAuditStore } from '@/lib/audit/file-store';
import type { AuditEntry } from '@/lib/audit/types';

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'nested', 'audit.jsonl');

let n = 0;
function entry(over: Partial<AuditEntry> = {}): AuditEntry {
  n += 1;
  return {
    id: `id-${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    user: 'operator@local.test',
    role: 'operator',
    region: 'us-west-2',
    action: 'channel.create',
    resourceArn: `arn:aws:ivs:us-west-2:123456789012:channel/c${n}`,
    outcome: 'success',
    ...over,
  };
}

describe('file audit store', () => {
  it('returns nothing before the first write', async () => {
    expect(await createFileAuditStore(tempFile()).query({})).toEqual([]);
  });

  it('appends one JSON line per record in a private file and reads newest first', async () => {
    const file = tempFile();
    const store = createFileAuditStore(file);
    const [a, b, c] = [entry(), entry(), entry()];
    await Promise.all([store.append(a), store.append(b), store.append(c)]);
    expect(readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([a.id, b.id, c.id]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await store.query({})).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
  });

  it('filters by user, action and resource (case-insensitive substring) and time range', async () => {
    const store = createFileAuditStore(tempFile());
    const admin = entry({ user: 'admin@local.test', action: 'channel.delete' });
    const reveal = entry({ action: 'stream-key.reveal', resourceArn: 'arn:aws:ivs:us-west-2:123456789012:stream-key/XyZ' });
    const late = entry({ at: '2026-03-01T00:00:00.000Z' });
    for (const e of [admin, reveal, late]) await store.append(e);

    expect((await store.query({ user: 'ADMIN' })).map((e) => e.id)).toEqual([admin.id]);
    expect((await store.query({ action: 'stream-key' })).map((e) => e.id)).toEqual([reveal.id]);
    expect((await store.query({ resource: 'stream-key/xyz' })).map((e) => e.id)).toEqual([reveal.id]);
    expect((await store.query({ from: '2026-02-01T00:00:00Z' })).map((e) => e.id)).toEqual([late.id]);
    expect((await store.query({ to: '2026-02-01T00:00:00Z' })).map((e) => e.id)).toEqual([reveal.id, admin.id]);
  });

  it('pages with limit and offset', async () => {
    const store = createFileAuditStore(tempFile());
    const all = Array.from({ length: 7 }, () => entry());
    for (const e of all) await store.append(e);
    const newestFirst = all.map((e) => e.id).reverse();
    expect((await store.query({ limit: 3 })).map((e) => e.id)).toEqual(newestFirst.slice(0, 3));
    expect((await store.query({ limit: 3, offset: 3 })).map((e) => e.id)).toEqual(newestFirst.slice(3, 6));
    expect((await store.query({ limit: 3, offset: 6 })).map((e) => e.id)).toEqual(newestFirst.slice(6));
  });

  it('skips a torn last line left by a crash and keeps appending after it', async () => {
    const file = tempFile();
    const store = createFileAuditStore(file);
    const first = entry();
    await store.append(first);
    appendFileSync(file, '{"id":"torn","at":"2026');
    expect((await store.query({})).map((e) => e.id)).toEqual([first.id]);
    // A restarted console (a new store) must not glue its first record onto the torn line.
    const after = entry();
    await createFileAuditStore(file).append(after);
    expect((await store.query({})).map((e) => e.id)).toEqual([after.id, first.id]);
  });
});
