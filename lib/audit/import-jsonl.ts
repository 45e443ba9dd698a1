import 'server-only';
import { createReadStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { AUDIT_COLUMNS, auditParams, auditValues } from '@/lib/audit/sql-store';
import type { AuditEntry } from '@/lib/audit/types';
import { refreshPlannerStatistics } from '@/lib/store/statistics';
import type { Db } from '@/lib/store/types';

const BATCH = 1000;

export interface ImportResult {
  status: 'none' | 'done' | 'imported';
  lines: number;
  backup?: string;
}

/**
 * Moves the old JSON Lines audit log into the store, once. Each batch commits together with the byte
 * offset it reached, so an interrupted import resumes where it stopped; ON CONFLICT skips records a
 * retried batch already wrote. Afterwards the file is renamed to `<file>.imported`, kept as the backup.
 */
export async function importAuditJsonl(db: Db, file: string, source = 'audit.jsonl'): Promise<ImportResult> {
  const size = await stat(file).then(
    (s) => s.size,
    () => -1,
  );
  const [progress] = (
    await db.query<{ byte_offset: string; lines: string; done: boolean }>(
      'SELECT byte_offset, lines, done FROM store_imports WHERE source = $1',
      [source],
    )
  ).rows;
  if (size < 0) return { status: progress?.done ? 'done' : 'none', lines: Number(progress?.lines ?? 0) };

  let offset = Number(progress?.byte_offset ?? 0);
  let lines = Number(progress?.lines ?? 0);
  let batch: AuditEntry[] = [];
  const flush = async (end: number) => {
    const rows = batch;
    batch = [];
    await db.transaction(async (tx) => {
      if (rows.length) {
        await tx.query(
          `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${auditValues(rows.length)} ON CONFLICT (id) DO NOTHING`,
          rows.flatMap(auditParams),
        );
      }
      await tx.query(
        `INSERT INTO store_imports (source, byte_offset, lines, done) VALUES ($1, $2, $3, $4)
         ON CONFLICT (source) DO UPDATE SET byte_offset = $2, lines = $3, done = $4`,
        [source, end, lines, end >= size],
      );
    });
  };

  if (offset < size) {
    let rest = Buffer.alloc(0);
    for await (const chunk of createReadStream(file, { start: offset })) {
      let buf = Buffer.concat([rest, chunk as Buffer]);
      let nl: number;
      while ((nl = buf.indexOf(0x0a)) >= 0) {
        const entry = parseLine(buf.subarray(0, nl).toString('utf8'));
        offset += nl + 1;
        buf = buf.subarray(nl + 1);
        if (entry) {
          batch.push(entry);
          lines += 1;
        }
        if (batch.length >= BATCH) await flush(offset);
      }
      rest = buf;
    }
    // A last line without a newline: kept if whole, skipped if torn by a crash.
    const last = rest.length ? parseLine(rest.toString('utf8')) : undefined;
    if (last) {
      batch.push(last);
      lines += 1;
    }
    await flush(size);
  } else if (!progress?.done) {
    await flush(size);
  }
  // A million rows at once: the planner needs to know, on PostgreSQL too (autovacuum gets there later).
  await refreshPlannerStatistics(db, { force: true });
  const backup = `${file}.imported`;
  await rename(file, backup);
  return { status: 'imported', lines, backup };
}

function parseLine(line: string): AuditEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const e = JSON.parse(line) as AuditEntry;
    if (typeof e?.id !== 'string' || typeof e.at !== 'string' || typeof e.action !== 'string' || typeof e.user !== 'string')
      return undefined;
    return { ...e, role: e.role ?? 'unknown', region: e.region ?? '', outcome: e.outcome ?? 'success' };
  } catch {
    return undefined; // a torn line after a crash
  }
}
