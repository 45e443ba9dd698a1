import { ButtonLink } from '@/components/ui/button';

// IVS pages forward only (nextToken). The URL keeps the current cursor (`token`), the page number and
// a bounded stack of earlier cursors (`prev`), so Previous works and any page can be shared or reloaded.
const MAX_STACK = 30;

export interface PageCursor {
  token: string;
  prev: string[];
  page: number;
}

export function parseCursor(sp: Record<string, string | string[] | undefined>): PageCursor {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? '';
  const token = one('token');
  const prev = one('prev').split(',').filter(Boolean);
  const page = Math.max(1, Number.parseInt(one('page'), 10) || (token ? prev.length + 2 : 1));
  return { token, prev, page };
}

function href(base: URLSearchParams, cursor: PageCursor): string {
  const qs = new URLSearchParams(base);
  for (const k of ['token', 'prev', 'page']) qs.delete(k);
  if (cursor.token) {
    qs.set('token', cursor.token);
    if (cursor.prev.length) qs.set('prev', cursor.prev.join(','));
    qs.set('page', String(cursor.page));
  }
  const s = qs.toString();
  return s ? `/channels?${s}` : '/channels';
}

export function Pager({
  base,
  cursor,
  nextToken,
  rows,
}: {
  base: URLSearchParams;
  cursor: PageCursor;
  nextToken: string | null;
  rows: number;
}) {
  const previous: PageCursor | null =
    cursor.page > 1 ? { token: cursor.prev.at(-1) ?? '', prev: cursor.prev.slice(0, -1), page: cursor.page - 1 } : null;
  const next: PageCursor | null = nextToken
    ? { token: nextToken, prev: (cursor.token ? [...cursor.prev, cursor.token] : []).slice(-MAX_STACK), page: cursor.page + 1 }
    : null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        Page {cursor.page} · {rows} {rows === 1 ? 'channel' : 'channels'} (IVS returns 100 per page)
      </p>
      <div className="flex gap-2">
        {cursor.page > 1 && (
          <ButtonLink href={href(base, { token: '', prev: [], page: 1 })} size="sm" variant="ghost">
            First page
          </ButtonLink>
        )}
        {previous && (
          <ButtonLink href={href(base, previous)} size="sm" rel="prev">
            Previous
          </ButtonLink>
        )}
        {next && (
          <ButtonLink href={href(base, next)} size="sm" rel="next">
            Next page
          </ButtonLink>
        )}
      </div>
    </nav>
  );
}
