import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { importAuditJsonl } from '@/lib/audit/import-jsonl';
import { auditStore } from '@/lib/audit';
import { purgeOlderThan } from '@/lib/audit/retention';
import { importPreferencesFile } from '@/lib/preferences';
import { purgeCreateRequests } from '@/lib/requests/run-once';
import { store } from '@/lib/store';
import { refreshPlannerStatistics } from '@/lib/store/statistics';

const HOUR = 3_600_000;
const CREATE_REQUESTS_KEPT_DAYS = 7;

/**
 * At server start (instrumentation.ts): open the store (migrations run), import an old
 * DATA_DIR/audit.jsonl (and preferences.json) once, then apply AUDIT_RETENTION_DAYS (and forget week-old
 * create requests) now and every hour, and refresh the embedded store's planner statistics as often.
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
  const hourly = async () => {
    // Create requests are only kept to recognise a repeated submit: a week is plenty.
    await purgeCreateRequests(db, CREATE_REQUESTS_KEPT_DAYS).catch((error: Error) =>
      console.error(`[store] purging create requests failed: ${error.message}`),
    );
    if (days) {
      await purgeOlderThan(auditStore, days).then(
        (n) => n && console.log(`[audit] retention: deleted ${n} records older than ${days} days`),
        (error: Error) => console.error(`[audit] retention failed: ${error.message}`),
      );
    }
    // The embedded engine has no autovacuum: statistics that include the hour's writes and deletes.
    await refreshPlannerStatistics(db).catch((error: Error) =>
      console.error(`[store] refreshing planner statistics failed: ${error.message}`),
    );
  };
  await hourly();
  setInterval(hourly, HOUR).unref();
}
