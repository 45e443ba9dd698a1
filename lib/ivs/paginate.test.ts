import { describe, expect, it, vi } from 'vitest';
import { collectAll, collectAllPages, pageOf, type Page } from '@/lib/ivs/paginate';

// A fake List* operation over `total` numbers, `size` per page, with opaque tokens.
function pager(total: number, size: number) {
  const fetchPage = vi.fn(async (token?: string): Promise<Page<number>> => {
    const start = token ? Number(atob(token)) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const next = start + size;
    return next < total ? { items, nextToken: btoa(String(next)) } : { items };
  });
  return fetchPage;
}

describe('collectAll', () => {
  it('follows nextToken through every page, in order', async () => {
    const fetchPage = pager(7, 3);
    expect(await collectAll(fetchPage)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(fetchPage).toHaveBeenCalledTimes(3);
    expect(fetchPage.mock.calls[0][0]).toBeUndefined();
  });

  it('handles an empty listing with one call', async () => {
    const fetchPage = pager(0, 3);
    expect(await collectAll(fetchPage)).toEqual([]);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });

  it('stops at maxPages and says it was truncated', async () => {
    const fetchPage = pager(100, 10);
    expect(await collectAllPages(fetchPage, { maxPages: 2 })).toEqual({ items: Array.from({ length: 20 }, (_, i) => i), truncated: true });
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('stops when the service repeats a token instead of looping forever', async () => {
    const fetchPage = vi.fn(async () => ({ items: [1], nextToken: 'same' }));
    expect(await collectAllPages(fetchPage)).toEqual({ items: [1, 1], truncated: true });
  });

  it('propagates a failing page', async () => {
    await expect(collectAll(async () => Promise.reject(new Error('ThrottlingException')))).rejects.toThrow('ThrottlingException');
  });
});

describe('pageOf', () => {
  it('maps an SDK list response to a page', () => {
    expect(pageOf({ channels: [{ arn: 'a' }], nextToken: 't', $metadata: {} }, 'channels')).toEqual({ items: [{ arn: 'a' }], nextToken: 't' });
    expect(pageOf({ channels: undefined, nextToken: '' } as { channels?: { arn: string }[]; nextToken?: string }, 'channels')).toEqual({ items: [] });
  });
});
