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
  warnWithoutLiftoffOnly();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const release = await holdDirLock(dir);
  try {
    const pg = await PGlite.create({
      dataDir: dir,
      relaxedDurability: false,
      // Postgres's buffer pool is resident from the start (128 MB by default). Every page it misses is
      // one read from the OS's page cache, so a small pool costs little: 16 MB kept /audit's views at
      // 1,000,000 records as fast as 32 MB did and the process 18 MB smaller (ARCHITECTURE.md).
      postgresqlconf: ['shared_buffers=16MB'],
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

/**
 * V8 compiles WebAssembly twice: at once with its baseline compiler (Liftoff), then hot functions again
 * with its optimising one. For PostgreSQL's interpreter loops that second compile held 250-550 MB of
 * memory and bought nothing measurable for the console's indexed queries (ARCHITECTURE.md, "The
 * embedded store's memory"). Node takes `--liftoff-only` on its command line only (not NODE_OPTIONS,
 * not at run time), so `npm start` and the image pass it; a server started another way is told.
 */
function warnWithoutLiftoffOnly(): void {
  if (process.env.NODE_ENV !== 'production' || process.execArgv.includes('--liftoff-only')) return;
  console.warn(
    '[store] The embedded store runs without node --liftoff-only: expect 250-550 MB more memory. `npm start` and the image pass it; so can you (node --liftoff-only server.js).',
  );
}
