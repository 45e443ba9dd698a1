import { viewerIdSchema } from '@/lib/ivs/schemas/playback-key';

export interface ViewerSessionRef {
  viewerId: string;
  viewerSessionVersion?: number;
}

export interface ParsedViewerList {
  sessions: ViewerSessionRef[];
  /** Lines that could not be used, numbered from 1 as the user sees them. */
  problems: { line: number; text: string; message: string }[];
}

// One viewer per line: `viewer-id` or `viewer-id,version` (comma or tab). Blank lines and
// `#` comments are skipped; a repeated viewer id keeps the highest version asked for.
export function parseViewerList(text: string): ParsedViewerList {
  const byId = new Map<string, ViewerSessionRef>();
  const problems: ParsedViewerList['problems'] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(.+?)\s*[,\t]\s*(\d+)$/.exec(line);
    const viewerId = (match ? match[1] : line).trim();
    const version = match ? Number(match[2]) : undefined;
    const checked = viewerIdSchema.safeParse(viewerId);
    if (!checked.success) {
      problems.push({ line: index + 1, text: line, message: checked.error.issues[0].message });
      return;
    }
    if (version !== undefined && !Number.isSafeInteger(version)) {
      problems.push({ line: index + 1, text: line, message: 'The session version is too large.' });
      return;
    }
    const previous = byId.get(viewerId);
    const keep = previous?.viewerSessionVersion !== undefined && (version === undefined || previous.viewerSessionVersion > version);
    byId.set(viewerId, keep ? previous! : { viewerId, viewerSessionVersion: version ?? previous?.viewerSessionVersion });
  });
  return { sessions: [...byId.values()], problems };
}

/** Splits a list into consecutive chunks of `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
