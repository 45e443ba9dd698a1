import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QUERIES, writeJsonl } from './audit-data';
import { auditPageRows } from './audit-server';
import { repoRoot } from './processes';
import { printTable, type Row } from './report';

// /audit at 1,000,000 records, embedded (PGlite) and PostgreSQL side by side. Timed twice: the store's
// query function as the page calls it (first page of 51 rows, then the older page through its cursor)
// in a fresh process, and the page itself from a production `next start` of this checkout's build
// (bench/audit-server.ts; needs `npm run build` first), with the console's RSS. The records get there through the audit.jsonl import,
// whose time and count are reported too. PostgreSQL needs BENCH_DATABASE_URL (or TEST_DATABASE_URL):
// `bash scripts/with-postgres.sh npm run bench -- audit` gives it a throwaway server.
const RECORDS = Number(process.env.BENCH_AUDIT_RECORDS ?? 1_000_000);
const TARGET_MS = 150;
const TARGET_RSS_MB = 300;

function worker(args: string[]): Promise<Record<string, unknown>> {
  // --liftoff-only as the console runs (ARCHITECTURE.md, "The embedded store's memory").
  const child = spawn(
    process.execPath,
    ['--liftoff-only', '--conditions=react-server', '--import', 'tsx', 'bench/audit-worker.ts', ...args],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`audit bench worker ${args[0]} exited ${code}`)),
    ),
  );
}

export async function run(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-audit-'));
  try {
    const file = path.join(work, 'audit.jsonl');
    const t0 = performance.now();
    await writeJsonl(file, RECORDS);
    console.log(`audit bench: wrote ${RECORDS} JSONL records in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    const backends: Array<[string, string]> = [['embedded', ''], ...(url ? [['postgres', url] as [string, string]] : [])];
    if (!url)
      console.log(
        'audit bench: PostgreSQL skipped (set BENCH_DATABASE_URL, or run `bash scripts/with-postgres.sh npm run bench -- audit`)',
      );
    for (const [name, target] of backends) {
      const dataDir = path.join(work, `data-${name}`);
      const dir = path.join(dataDir, 'store'); // where the console keeps its embedded store
      if (target) await worker(['reset', target, dir]);
      // The import renames the file it imported; give each backend its own copy by name.
      const copy = path.join(work, `audit-${name}.jsonl`);
      copyFileSync(file, copy);
      const imported = await worker(['import', target, dir, copy]);
      const queried = await worker(['query', target, dir]);
      const rows: Row[] = [
        {
          metric: `${name}: import ${RECORDS} JSONL lines`,
          value: `${((imported.importMs as number) / 1000).toFixed(1)} s, ${imported.count} rows`,
          target: `${RECORDS} rows`,
          pass: imported.count === RECORDS,
        },
        ...QUERIES.flatMap(([q]) => {
          const r = queried[q] as { first: number; p50: number; max: number; rows: number };
          const older = queried[`${q} / older page`] as { ms: number } | undefined;
          return [
            {
              metric: `${name}: ${q} (first call / p50 of 7)`,
              value: `${r.first.toFixed(1)} / ${r.p50.toFixed(1)} ms, ${r.rows} rows`,
              target: `< ${TARGET_MS} ms`,
              pass: r.first < TARGET_MS && r.p50 < TARGET_MS,
            },
            ...(older
              ? [
                  {
                    metric: `${name}: ${q}, older page`,
                    value: `${older.ms.toFixed(1)} ms`,
                    target: `< ${TARGET_MS} ms`,
                    pass: older.ms < TARGET_MS,
                  },
                ]
              : []),
          ];
        }),
        {
          metric: `${name}: RSS after the queries (fresh process)`,
          value: `${(queried.rssMb as number).toFixed(0)} MB`,
          target: `< ${TARGET_RSS_MB} MB`,
          pass: (queried.rssMb as number) < TARGET_RSS_MB,
        },
      ];
      console.log(`\n/audit store queries, ${name} (the store's query function timed in-process, not a Next server):`);
      printTable(rows);
      console.log(`\n/audit pages, ${name} (next start, signed in as admin, whole responses on loopback):`);
      printTable(await auditPageRows(name, { dataDir, url: target || undefined }, TARGET_MS, TARGET_RSS_MB));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
