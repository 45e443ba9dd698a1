import 'server-only';
import { env } from '@/lib/env';

// A short shared cache for the reads every viewer repeats (the channel list's ListChannels page, /live's
// BatchGetChannel). With 50 operators each opening a page every few seconds, IVS would otherwise see
// one call per view, far over its 5 TPS per operation; here identical reads in flight share one call,
// and an answer is reused for READ_CACHE_MS, so the call rate is bounded by the number of distinct
// queries, not by the number of viewers.
//
// It is a rate bound, not a source of truth, so it lives in this process's memory: each instance of a
// fleet bounds its own rate (N instances: at most N calls per query per READ_CACHE_MS). A write made
// through lib/ivs in this process empties the region at once (invalidateReads), so an operator never
// sees the list from before their own change; a change made elsewhere (another instance, the AWS
// console) shows up within READ_CACHE_MS. Failed reads are never kept: the next reader asks again.
// Kept on globalThis because Next loads this module once per route bundle, and a write in an action's
// bundle must empty the cache the pages read.

/** How long an answer is reused, in ms (IVS_READ_CACHE_MS; 0 turns the reuse off, coalescing stays). */
export const READ_CACHE_MS = env.IVS_READ_CACHE_MS;

// An entry past its time is dropped when read; this many entries per region at most (distinct
// filters and pages are few in practice; the cap keeps a crawler of page tokens from growing memory).
const MAX_ENTRIES_PER_REGION = 500;

interface Entry {
  at: number;
  value?: unknown;
  promise?: Promise<unknown>;
}
interface RegionReads {
  gen: number;
  entries: Map<string, Entry>;
}
const store = ((globalThis as { __ivsSharedReads?: Map<string, RegionReads> }).__ivsSharedReads ??= new Map());

function regionOf(region: string): RegionReads {
  let r = store.get(region);
  if (!r) store.set(region, (r = { gen: 0, entries: new Map() }));
  return r;
}

/**
 * `read()`'s answer for this region and key: the one in flight if there is one, a kept one younger than
 * `ttlMs`, else a new call. `key` must name everything the read depends on (operation and input).
 */
export function sharedRead<T>(region: string, key: string, read: () => Promise<T>, ttlMs = READ_CACHE_MS): Promise<T> {
  const r = regionOf(region);
  const now = Date.now();
  const found = r.entries.get(key);
  if (found?.promise) return found.promise as Promise<T>;
  if (found && now - found.at < ttlMs) return Promise.resolve(found.value as T);
  if (found) r.entries.delete(key);
  if (r.entries.size >= MAX_ENTRIES_PER_REGION) dropExpired(r, now, ttlMs);

  const gen = r.gen;
  const entry: Entry = { at: now };
  const promise = read();
  entry.promise = promise;
  r.entries.set(key, entry);
  promise.then(
    (value) => {
      // A write since the call started: its answer may predate the write, so it is not kept.
      if (r.gen !== gen || r.entries.get(key) !== entry) return;
      if (ttlMs > 0) Object.assign(entry, { at: Date.now(), value, promise: undefined });
      else r.entries.delete(key);
    },
    () => {
      if (r.entries.get(key) === entry) r.entries.delete(key); // errors are not kept
    },
  );
  return promise;
}

function dropExpired(r: RegionReads, now: number, ttlMs: number): void {
  for (const [key, e] of r.entries) if (!e.promise && now - e.at >= ttlMs) r.entries.delete(key);
  // Still full (all fresh or in flight): forget the oldest, Map keeps insertion order.
  for (const key of r.entries.keys()) {
    if (r.entries.size < MAX_ENTRIES_PER_REGION) break;
    r.entries.delete(key);
  }
}

/** Forget every kept and in-flight read of the region: called by lib/ivs after any write that changes channels. */
export function invalidateReads(region: string): void {
  const r = regionOf(region);
  r.gen++;
  r.entries.clear();
}

/** Bumped by every invalidateReads: a cache kept elsewhere (lib/ivs/live-channel-info.ts) compares it to drop its own entries. */
export function readsGeneration(region: string): number {
  return regionOf(region).gen;
}

/**
 * Runs a write and empties the region's reads when it settles, failed or not (a failed write may
 * still have been applied, e.g. a 500 after IVS made the change).
 */
export async function writeThrough<T>(region: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    invalidateReads(region);
  }
}
