import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { migrate } from '@/lib/store/migrations';
import type { Db } from '@/lib/store/types';

export type { Db, Queryable } from '@/lib/store/types';

/** Opens a store (PostgreSQL for a URL, else embedded in dir) with its schema up to date. */
export async function openStore(target: { url?: string; dir: string }): Promise<Db> {
  const db = target.url
    ? await (await import('@/lib/store/postgres')).openPostgres(target.url)
    : await (await import('@/lib/store/pglite')).openEmbedded(target.dir);
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

// On globalThis, not in a module variable: Next compiles instrumentation.ts and the routes into separate
// bundles (and dev reloads modules), and two PGlite instances on one directory would corrupt it.
const KEY = Symbol.for('ivs-console.store');
const slot = globalThis as typeof globalThis & { [KEY]?: Promise<Db> };

/** The console's one store: DATABASE_URL if set, else the embedded database in DATA_DIR/store. */
export function store(): Promise<Db> {
  slot[KEY] ??= openStore({ url: env.DATABASE_URL, dir: path.join(env.DATA_DIR, 'store') }).catch((error) => {
    slot[KEY] = undefined; // e.g. the database was down: try again on the next call
    throw error;
  });
  return slot[KEY];
}
