// Zod-free, so the board's client bundle can build its page links without the query's schema.

/**
 * The link to another page of a board. With "All regions" every region's board is on one page, so a
 * page link names its region (`in`) and keeps `all=1`; the other regions stay on their first page, and
 * the fragment brings the operator back to the board they paged.
 */
export function boardPageHref(page: number, allRegionsIn?: string): string {
  if (!allRegionsIn) return `/live?page=${page}`;
  const query = new URLSearchParams({ all: '1', in: allRegionsIn, page: String(page) });
  return `/live?${query}#live-${allRegionsIn}`;
}
