import 'server-only';
import { randomUUID } from 'node:crypto';
import { createSqlAuditStore } from '@/lib/audit/sql-store';
import type { AuditEntry, AuditFilter, NewAuditEntry } from '@/lib/audit/types';
import { store } from '@/lib/store';

export type { AuditCursor, AuditEntry, AuditFilter, NewAuditEntry } from '@/lib/audit/types';

export const auditStore = createSqlAuditStore(store);

function complete(entry: NewAuditEntry): AuditEntry {
  // Error texts come from IVS or our own messages; cap them so one odd message cannot bloat the log.
  const error = entry.error && entry.error.length > 500 ? `${entry.error.slice(0, 497)}...` : entry.error;
  return { id: randomUUID(), at: new Date().toISOString(), ...entry, ...(error ? { error } : {}) };
}

/**
 * Writes an audit record and throws if it cannot: for operations (a secret reveal) that must not happen
 * unaudited. It resolves only once the store committed the row (see lib/store/pglite.ts on durability).
 */
export async function recordAuditStrict(entry: NewAuditEntry): Promise<void> {
  await auditStore.append(complete(entry));
}

/** Writes an audit record; a failed write is reported on stderr but never fails the caller's operation. */
export async function recordAudit(entry: NewAuditEntry): Promise<void> {
  try {
    await recordAuditStrict(entry);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${(error as NodeJS.ErrnoException).code ?? error.message}` : 'unknown error';
    console.error(`[audit] could not record ${entry.action} by ${entry.user} (${entry.outcome}): ${reason}`);
  }
}

/** Audit records matching the filter, newest first. */
export function queryAudit(filter: AuditFilter): Promise<AuditEntry[]> {
  return auditStore.query(filter);
}
