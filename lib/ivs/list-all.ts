import 'server-only';

// Reads a List* call page by page to the end. MAX_PAGES is a safety net against runaway listing, not
// a feature limit; when it stops a listing early the caller gets `truncated` and must say so, never
// show a cut-off list as the whole.
//
// Not the SDK's paginate* helpers: they refuse a client that is not `instanceof` their own copy of
// IvsClient, and Next bundles the SDK once per route and once for instrumentation.ts, while the one
// shared client per region (lib/ivs/client.ts) is made by whichever bundle asked first. In the
// production server every paginated list failed with "Invalid client, expected instance of …".
export const MAX_PAGES = 50;
export const PAGE_SIZE = 100;

export interface Listing<T> {
  items: T[];
  truncated: boolean;
}

/** The pages of a List* call: each asks with the previous page's nextToken, until there is none. */
export async function* pagesOf<P extends { nextToken?: string }>(
  fetchPage: (nextToken: string | undefined) => Promise<P>,
): AsyncGenerator<P> {
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    yield page;
    nextToken = page.nextToken || undefined;
  } while (nextToken);
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
