// IVS List* operations page with nextToken. Pure helpers (no IVS import), so they are unit-tested.

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface CollectOptions {
  /** Stop after this many pages (default 50): a safety net against runaway listing, not a feature limit. */
  maxPages?: number;
}

type ItemOf<V> = NonNullable<V> extends ReadonlyArray<infer U> ? U : never;

/** Turns an SDK List* response into a Page: `pageOf(await ivs.send(new ListChannelsCommand(...)), 'channels')`. */
export function pageOf<R extends { nextToken?: string }, K extends keyof R>(response: R, key: K): Page<ItemOf<R[K]>> {
  const items = (response[key] ?? []) as unknown as ItemOf<R[K]>[];
  return response.nextToken ? { items, nextToken: response.nextToken } : { items };
}

/** Follows nextToken until the last page; `truncated` says maxPages (or a repeated token) stopped it early. */
export async function collectAllPages<T>(
  fetchPage: (nextToken?: string) => Promise<Page<T>>,
  { maxPages = 50 }: CollectOptions = {},
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    items.push(...result.items);
    token = result.nextToken || undefined;
    if (!token) return { items, truncated: false };
    if (seen.has(token)) return { items, truncated: true }; // a service bug would otherwise loop forever
    seen.add(token);
  }
  return { items, truncated: true };
}

/** Every item of a paged IVS listing (up to maxPages pages). */
export async function collectAll<T>(fetchPage: (nextToken?: string) => Promise<Page<T>>, options?: CollectOptions): Promise<T[]> {
  return (await collectAllPages(fetchPage, options)).items;
}
