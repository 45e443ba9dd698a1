import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { importAuditJsonl } from '@/lib/audit/import-jsonl';
import { auditStore } from '@/lib/audit';
import { purgeOlderThan } from '@/lib/audit/retention';
import { importPreferencesFile } from '@/lib/preferences';
import { store } from '@/lib/store';

const HOUR = 3_600_000;

/**
 * At server start (instrumentation.ts): open the store (migrations run), import an old
 * DATA_DIR/audit.jsonl (and preferences.json) once, then apply AUDIT_RETENTION_DAYS now and every hour.
 */
export async function startAuditStore(): Promise<void> {
  const db = await store();
  const file = path.join(env.DATA_DIR, 'audit.jsonl');
  const t0 = Date.now();
  const result = await importAuditJsonl(db, file);
  if (result.status === 'imported') {
    console.log(`[store] imported ${result.lines} audit records from ${file} in ${Date.now() - t0} ms; the file is kept as ${result.backup}`);
  }
  const prefs = await importPreferencesFile(db, path.join(env.DATA_DIR, 'preferences.json'));
  if (prefs) console.log(`[store] imported the region preference of ${prefs} users from preferences.json`);
  const days = env.AUDIT_RETENTION_DAYS;
  if (!days) return;
  const purge = () =>
    purgeOlderThan(auditStore, days).then(
      (n) => n && console.log(`[audit] retention: deleted ${n} records older than ${days} days`),
      (error: Error) => console.error(`[audit] retention failed: ${error.message}`),
    );
  await purge();
  setInterval(purge, HOUR).unref();
}
