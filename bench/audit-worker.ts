// One step of the audit bench in its own process (so RSS is this step's alone), started by
// bench/audit.ts with --conditions=react-server (lib/ modules are `import 'server-only'`).
// Prints one JSON line with its figures.
import { createSqlAuditStore } from '../lib/audit/sql-store';
import { importAuditJsonl } from '../lib/audit/import-jsonl';
import { openStore } from '../lib/store';
import { QUERIES } from './audit-data';
import { percentile } from './report';

async function main(): Promise<void> {
  const [step, url, dir, file] = process.argv.slice(2);
  if (step === 'reset') {
    // A PostgreSQL bench starts from an empty log: the tables this bench fills are dropped first.
    const db = await openStore({ url, dir });
    await db.exec('DROP TABLE IF EXISTS audit_log, store_imports, user_preferences, schema_migrations');
    await db.close();
    console.log('{}');
    return;
  }
  const db = await openStore({ url: url || undefined, dir });
  const audit = createSqlAuditStore(async () => db);
  const out: Record<string, unknown> = {};
  if (step === 'import') {
    const t0 = performance.now();
    const result = await importAuditJsonl(db, file, `bench-${Date.now()}`);
    out.importMs = performance.now() - t0;
    out.lines = result.lines;
    out.count = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
  } else {
    for (const [name, filter] of QUERIES) {
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        const page = await audit.query({ ...filter, limit: 51 }); // what /audit asks for
        samples.push(performance.now() - t0);
        rows = page.length;
        // The next page through the cursor costs the same as the first.
        if (i === 6 && page.length) {
          const t1 = performance.now();
          await audit.query({ ...filter, limit: 51, before: page.at(-1) });
          out[`${name} / older page`] = { ms: performance.now() - t1, rows };
        }
      }
      out[name] = { first: samples[0], p50: percentile(samples, 50), max: Math.max(...samples), rows };
    }
  }
  out.rssMb = process.memoryUsage().rss / 2 ** 20;
  await db.close();
  console.log(JSON.stringify(out));
}

if (process.argv[1]?.endsWith('audit-worker.ts')) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
