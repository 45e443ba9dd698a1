import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { importAuditJsonl } from '@/lib/audit/import-jsonl';
import { auditStore } from '@/lib/audit';
import { purgeOlderThan } from '@/lib/audit/retention';
import { importPreferencesFile } from '@/lib/preferences';
import { purgeCreateRequests } from '@/lib/requests/run-once';
import { store } from '@/lib/store';

const HOUR = 3_600_000;
const CREATE_REQUESTS_KEPT_DAYS = 7;

/**
 * At server start (instrumentation.ts): open the store (migrations run), import an old
 * DATA_DIR/audit.jsonl (and preferences.json) once, then apply AUDIT_RETENTION_DAYS (and forget week-old
 * create requests) now and every hour.
 */
export async function startAuditStore(): Promise<void> {
  const db = await store();
  const file = path.join(env.DATA_DIR, 'audit.jsonl');
  const t0 = Date.now();
  const result = await importAuditJsonl(db, file);
  if (result.status === 'imported') {
    console.log(
      `[store] imported ${result.lines} audit records from ${file} in ${Date.now() - t0} ms; the file is kept as ${result.backup}`,
    );
  }
  const prefs = await importPreferencesFile(db, path.join(env.DATA_DIR, 'preferences.json'));
  if (prefs) console.log(`[store] imported the region preference of ${prefs} users from preferences.json`);
  const days = env.AUDIT_RETENTION_DAYS;
  const purge = async () => {
    // Create requests are only kept to recognise a repeated submit: a week is plenty.
    await purgeCreateRequests(db, CREATE_REQUESTS_KEPT_DAYS).catch((error: Error) =>
      console.error(`[store] purging create requests failed: ${error.message}`),
    );
    if (!days) return;
    await purgeOlderThan(auditStore, days).then(
      (n) => n && console.log(`[audit] retention: deleted ${n} records older than ${days} days`),
      (error: Error) => console.error(`[audit] retention failed: ${error.message}`),
    );
  };
  await purge();
  setInterval(purge, HOUR).unref();
}
