import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import { openStore } from '@/lib/store';
import type { Db } from '@/lib/store/types';

/**
 * The backends every store test runs against: the embedded database in a temp dir, and the real
 * PostgreSQL that `npm run test:unit` starts (TEST_DATABASE_URL), each test in its own schema.
 */
export const BACKENDS: Array<{ name: 'embedded' | 'postgres'; open: () => Promise<Db> }> = [
  { name: 'embedded', open: () => openStore({ dir: mkdtempSync(path.join(tmpdir(), 'store-')) }) },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres' as const, open: () => openIsolatedPostgres(process.env.TEST_DATABASE_URL!) }]
    : []),
];

// The embedded database runs initdb on first open: seconds on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

if (!process.env.TEST_DATABASE_URL) console.warn('TEST_DATABASE_URL is unset: store tests run on the embedded backend only');

async function openIsolatedPostgres(url: string): Promise<Db> {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = await openStore({ url, dir: '' });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return openStore({ url: u.toString(), dir: '' });
}
