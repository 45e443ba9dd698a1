import { validation } from '../errors';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

// Opaque tokens: base64 of {kind, offset}. The kind stops a ListChannels token being replayed
// against ListStreamKeys, which IVS also rejects.
function decodeToken(token: string, kind: string): number {
  try {
    const data = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { k?: unknown; o?: unknown };
    if (data.k === kind && typeof data.o === 'number' && Number.isInteger(data.o) && data.o >= 0) return data.o;
  } catch {
    // fall through to the validation error
  }
  throw validation('The nextToken is invalid or has expired.');
}

export function encodeToken(kind: string, offset: number): string {
  return Buffer.from(JSON.stringify({ k: kind, o: offset })).toString('base64');
}

export function paginate<T>(
  items: readonly T[],
  kind: string,
  input: { nextToken?: string; maxResults?: number },
  defaultMax: number,
): Page<T> {
  const start = input.nextToken ? decodeToken(input.nextToken, kind) : 0;
  const max = input.maxResults ?? defaultMax;
  const slice = items.slice(start, start + max);
  const end = start + slice.length;
  return { items: slice, nextToken: end < items.length ? encodeToken(kind, end) : undefined };
}
