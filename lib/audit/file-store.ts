import 'server-only';
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
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
  let ready: Promise<string> | undefined;

  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      // Chain appends so concurrent writes from one process never interleave.
      const write = tail.then(async () => {
        const prefix = await (ready ??= prepare(file)).catch((error) => {
          ready = undefined; // e.g. the directory was not writable yet: try again next time
          throw error;
        });
        await appendFile(file, prefix + line, { mode: 0o600 });
        ready = Promise.resolve('');
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

// Creates the directory; if a crash left a torn last line, the first new record starts on a fresh line.
async function prepare(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size === 0) return '';
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] === 0x0a ? '' : '\n';
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
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
