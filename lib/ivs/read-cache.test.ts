import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invalidateReads, sharedRead, writeThrough } from './read-cache';

let n = 0;
const nextRegion = () => `cache-region-${++n}`; // a fresh cache per test

// A read that answers when the test says so, counting its calls.
function deferredRead<T>() {
  const calls: Array<{ resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  const read = vi.fn(() => new Promise<T>((resolve, reject) => calls.push({ resolve, reject })));
  return { read, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('sharedRead', () => {
  it('50 concurrent identical reads make one call and get the same answer', async () => {
    const region = nextRegion();
    const { read, calls } = deferredRead<string[]>();
    const all = Promise.all(Array.from({ length: 50 }, () => sharedRead(region, 'list', read, 5_000)));
    expect(read).toHaveBeenCalledTimes(1);
    calls[0].resolve(['a', 'b']);
    const answers = await all;
    expect(new Set(answers).size).toBe(1);
    expect(answers[49]).toEqual(['a', 'b']);
  });

  it('reuses an answer for the ttl, then asks again', async () => {
    const region = nextRegion();
    const read = vi.fn(async () => Date.now());
    const first = await sharedRead(region, 'k', read, 5_000);
    vi.advanceTimersByTime(4_999);
    expect(await sharedRead(region, 'k', read, 5_000)).toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(await sharedRead(region, 'k', read, 5_000)).not.toBe(first);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a write empties the region: the next read asks IVS again', async () => {
    const region = nextRegion();
    let version = 1;
    const read = vi.fn(async () => version);
    expect(await sharedRead(region, 'k', read, 5_000)).toBe(1);
    await writeThrough(region, async () => void (version = 2));
    expect(await sharedRead(region, 'k', read, 5_000)).toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a failed write empties the region too (IVS may have applied it)', async () => {
    const region = nextRegion();
    const read = vi.fn(async () => 'x');
    await sharedRead(region, 'k', read, 5_000);
    await expect(writeThrough(region, async () => Promise.reject(new Error('500 after apply')))).rejects.toThrow('500 after apply');
    await sharedRead(region, 'k', read, 5_000);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a read in flight when a write lands is not kept, and later readers do not join it', async () => {
    const region = nextRegion();
    const { read, calls } = deferredRead<string>();
    const before = sharedRead(region, 'k', read, 5_000);
    invalidateReads(region);
    const after = sharedRead(region, 'k', read, 5_000);
    expect(read).toHaveBeenCalledTimes(2); // the reader after the write did not share the older call
    calls[0].resolve('before the write');
    calls[1].resolve('after the write');
    expect(await before).toBe('before the write');
    expect(await after).toBe('after the write');
    expect(await sharedRead(region, 'k', read, 5_000)).toBe('after the write');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('errors are not kept: the next reader asks again', async () => {
    const region = nextRegion();
    const { read, calls } = deferredRead<string>();
    const failing = Promise.all([sharedRead(region, 'k', read, 5_000), sharedRead(region, 'k', read, 5_000)]);
    calls[0].reject(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(failing).rejects.toThrow('Rate exceeded');
    expect(read).toHaveBeenCalledTimes(1); // the two concurrent readers shared the failing call
    const retry = sharedRead(region, 'k', read, 5_000);
    expect(read).toHaveBeenCalledTimes(2);
    calls[1].resolve('ok');
    expect(await retry).toBe('ok');
  });

  it('different regions and different keys never share an answer', async () => {
    const [west, east] = [nextRegion(), nextRegion()];
    const read = vi.fn(async () => read.mock.calls.length);
    const reads = [sharedRead(west, 'a', read, 5_000), sharedRead(east, 'a', read, 5_000), sharedRead(west, 'b', read, 5_000)];
    const answers = await Promise.all(reads);
    expect(read).toHaveBeenCalledTimes(3);
    expect(new Set(answers).size).toBe(3);
    invalidateReads(east); // a write in one region leaves another's reads alone
    expect(await sharedRead(west, 'a', read, 5_000)).toBe(answers[0]);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('with a ttl of 0 only reads in flight together share', async () => {
    const region = nextRegion();
    const read = vi.fn(async () => 'x');
    await Promise.all([sharedRead(region, 'k', read, 0), sharedRead(region, 'k', read, 0)]);
    expect(read).toHaveBeenCalledTimes(1);
    await sharedRead(region, 'k', read, 0);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps at most 500 answers per region, dropping the oldest', async () => {
    const region = nextRegion();
    const read = vi.fn(async () => 'x');
    for (let i = 0; i < 600; i++) await sharedRead(region, `page-${i}`, read, 5_000);
    await sharedRead(region, 'page-599', read, 5_000);
    expect(read).toHaveBeenCalledTimes(600); // the newest is still kept
    await sharedRead(region, 'page-0', read, 5_000);
    expect(read).toHaveBeenCalledTimes(601); // the oldest was dropped
  });
});
