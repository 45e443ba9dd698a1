import 'server-only';

// Reads one of the SDK's paginate* helpers (paginateListChannels, …) to the end. MAX_PAGES is a
// safety net against runaway listing, not a feature limit; when it stops a listing early the
// caller gets `truncated` and must say so, never show a cut-off list as the whole.
export const MAX_PAGES = 50;
export const PAGE_SIZE = 100;

export interface Listing<T> {
  items: T[];
  truncated: boolean;
}

export async function readAllPages<P extends { nextToken?: string }, T>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[] | undefined,
  maxPages = MAX_PAGES,
): Promise<Listing<T>> {
  const items: T[] = [];
  let read = 0;
  for await (const page of pages) {
    items.push(...(itemsOf(page) ?? []));
    if (++read >= maxPages) return { items, truncated: Boolean(page.nextToken) };
  }
  return { items, truncated: false };
}

/** For listings IVS quotas keep far below the cap (configurations, policies): a cut is a failure. */
export function wholeListing<T>({ items, truncated }: Listing<T>, what: string): T[] {
  if (truncated) throw new Error(`There are more ${what} than the console lists (${MAX_PAGES * PAGE_SIZE}).`);
  return items;
}
