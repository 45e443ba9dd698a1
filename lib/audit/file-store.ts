import 'server-only';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { clampLimit, matchesFilter } from '@/lib/audit/filter';
import type { AuditEntry, AuditFilter, AuditStore } from '@/lib/audit/types';

/**
 * Append-only JSON Lines: matches audit semantics, a crash loses at most the last line, and there is no
 * native module to build. Queries read the whole file and scan newest first, which is fine for one
 * console instance; set DATABASE_URL for a bigger or shared log.
 */
export function createFileAuditStore(file: string): AuditStore {
  let tail: Promise<unknown> = Promise.resolve();
  let dirReady: Promise<unknown> | undefined;

  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      // Chain appends so concurrent writes from one process never interleave.
      const write = tail.then(async () => {
        dirReady ??= mkdir(path.dirname(file), { recursive: true });
        await dirReady;
        await appendFile(file, line, { mode: 0o600 });
      });
      tail = write.catch(() => undefined);
      return write;
    },

    async query(filter) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const limit = clampLimit(filter.limit);
      const skip = Math.max(0, filter.offset ?? 0);
      const lines = text.split('\n');
      const out: AuditEntry[] = [];
      let matched = 0;
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        const entry = parseLine(lines[i]);
        if (!entry || !matchesFilter(entry, filter)) continue;
        if (matched++ >= skip) out.push(entry);
      }
      return out;
    },
  };
}

function parseLine(line: string): AuditEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const entry = JSON.parse(line) as AuditEntry;
    return typeof entry?.at === 'string' && typeof entry.action === 'string' ? entry : undefined;
  } catch {
    return undefined; // a torn last line after a crash
  }
}

export type { AuditFilter };
