import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { holdDirLock } from '@/lib/store/dir-lock';
import { withProcessLock } from '@/lib/store/process-lock';
import type { Db } from '@/lib/store/types';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in this process, files under `dir`. One
 * connection, so PGlite queues every query and transaction itself. One process only: a second console
 * on the same directory would corrupt it, so a lock file refuses it (fleets use DATABASE_URL).
 * relaxedDurability stays false: a query's promise resolves only after its writes reached the files.
 */
export async function openEmbedded(dir: string): Promise<Db> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const release = await holdDirLock(dir);
  try {
    const pg = await PGlite.create({
      dataDir: dir,
      relaxedDurability: false,
      // Postgres's default 128 MB buffer pool would be wasm heap resident forever; the page cache does the rest.
      postgresqlconf: ['shared_buffers=32MB'],
    } as ConstructorParameters<typeof PGlite>[0]);
    return {
      kind: 'embedded',
      query: (sql, params) => pg.query(sql, params),
      exec: async (sql) => void (await pg.exec(sql)),
      transaction: (fn) =>
        pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params), exec: async (sql) => void (await tx.exec(sql)) })),
      // One process owns the directory, so the in-process chain is every holder there is.
      withAdvisoryLock: withProcessLock,
      close: async () => {
        await pg.close();
        await release();
      },
    } as Db;
  } catch (error) {
    await release();
    throw error;
  }
}
