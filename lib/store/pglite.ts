import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
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
    // Tests create hundreds of stores, where a process each would cost a fifth of their time.
    if (process.env.NODE_ENV === 'production' && !existsSync(path.join(dir, 'PG_VERSION'))) await initdbInChildProcess(dir);
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

// initdb in a process of its own: inside PGlite it grows the WebAssembly memory by hundreds of MB,
// which a WebAssembly instance never gives back, so a console whose first start created its store
// stayed at 635 MB where a restart on the same store sits at 217 MB (bench, 50 sign-ins). The child
// only creates the files; this process then opens them like any existing store.
const INITDB = `import { PGlite } from '@electric-sql/pglite';
const pg = await PGlite.create({ dataDir: process.argv[1] });
await pg.close();`;

export async function initdbInChildProcess(dir: string): Promise<void> {
  const child = spawn(process.execPath, ['--liftoff-only', '--input-type=module', '-e', INITDB, dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.once('error', () => resolve(-1));
  });
  // Where the child cannot load PGlite (a bundle without node_modules), this process creates the store.
  if (code !== 0)
    console.warn(
      `[store] creating the embedded store in a child process failed (${code}): ${stderr.trim().split('\n').at(-1) ?? ''}; creating it here`,
    );
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
