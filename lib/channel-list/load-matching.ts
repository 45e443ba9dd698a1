import type { ExportChannel } from '@/lib/channel-list/filter';
import { HttpError } from '@/lib/http/http-error';

export interface LoadProgress {
  /** Channels IVS returned so far (before the tag and quick filters). */
  scanned: number;
  matched: number;
  done: boolean;
}

interface PageAnswer {
  channels: ExportChannel[];
  scanned: number;
  nextToken: string | null;
  error?: string;
}

/**
 * Every channel matching `query` (the list's filter), loaded one ListChannels page at a time through
 * the export route so the caller can show "Loaded 300 of ? channels…". Stops when `signal` aborts.
 */
export async function loadMatchingChannels(
  query: URLSearchParams,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<ExportChannel[]> {
  const found: ExportChannel[] = [];
  let scanned = 0;
  let token: string | null = '';
  while (token !== null) {
    const qs = new URLSearchParams(query);
    qs.set('paged', '1');
    if (token) qs.set('token', token);
    const res = await fetch(`/api/channels/export?${qs}`, { headers: { accept: 'application/json' }, signal });
    const body = (await res.json().catch(() => ({}))) as Partial<PageAnswer>;
    if (!res.ok)
      throw new HttpError(
        res.status,
        body.error ??
          (res.status === 401 ? 'Your session has ended. Sign in again.' : `The channel list could not be loaded (HTTP ${res.status}).`),
      );
    found.push(...(body.channels ?? []));
    scanned += body.scanned ?? 0;
    token = body.nextToken ?? null;
    onProgress({ scanned, matched: found.length, done: token === null });
  }
  return found;
}
