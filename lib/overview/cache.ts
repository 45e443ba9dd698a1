import 'server-only';
import { readsGeneration } from '@/lib/ivs/read-cache';
import { readRegionInventory } from './inventory';
import type { RegionInventory } from './types';

// Every region's inventory, shared by every viewer of the overview and every find-anywhere search:
// one read per region at a time (concurrent readers wait for the same one), kept for KEEP_MS, so any
// number of open overviews costs one read per region per KEEP_MS. A region with a failed listing is
// kept only FAILED_KEEP_MS: a refusing region is not asked on every view, yet a fixed policy shows
// soon. A change made through this console (any lib/ivs write: read-cache generation) drops the
// region at once; one made elsewhere shows within KEEP_MS, or at once with "Read again", which
// re-reads a region whose answer is older than FRESH_FLOOR_MS (so a held-down reload cannot go past
// one read per region per FRESH_FLOOR_MS). Kept on globalThis: Next loads this once per route bundle.
export const KEEP_MS = 30_000;
export const FAILED_KEEP_MS = 5_000;
export const FRESH_FLOOR_MS = 5_000;
/** How long a page waits for one region before showing it as not answering (the read goes on and is kept). */
export const REGION_WAIT_MS = 20_000;

interface Entry {
  gen: number;
  startedAt: number;
  value?: RegionInventory;
  promise?: Promise<RegionInventory>;
}
const entries = ((globalThis as { __overviewInventories?: Map<string, Entry> }).__overviewInventories ??= new Map());

function usable(e: Entry | undefined, region: string, fresh: boolean, now: number): e is Entry & { value: RegionInventory } {
  if (!e?.value || e.gen !== readsGeneration(region)) return false;
  const age = now - e.value.readAt;
  const keep = e.value.failures.length ? FAILED_KEEP_MS : KEEP_MS;
  return age < (fresh ? Math.min(keep, FRESH_FLOOR_MS) : keep);
}

/** The region's inventory: kept, in flight, or read now. `fresh`: only an answer younger than FRESH_FLOOR_MS will do. */
export function regionInventory(region: string, { fresh = false } = {}): Promise<RegionInventory> {
  const now = Date.now();
  const found = entries.get(region);
  if (found?.promise && found.gen === readsGeneration(region)) return found.promise;
  if (usable(found, region, fresh, now)) return Promise.resolve(found.value);

  const entry: Entry = { gen: readsGeneration(region), startedAt: now };
  // The live snapshot is reused when it is no older than what the overview itself would keep.
  const promise = readRegionInventory(region, fresh ? FRESH_FLOOR_MS : KEEP_MS);
  entry.promise = promise;
  entries.set(region, entry);
  promise.then(
    (value) => {
      if (entries.get(region) !== entry) return;
      entry.promise = undefined;
      entry.value = value;
    },
    () => {
      if (entries.get(region) === entry) entries.delete(region); // readRegionInventory catches per listing; this is a bug
    },
  );
  return promise;
}

export type RegionAnswer = { region: string; inventory: RegionInventory } | { region: string; timedOut: true };

/** The inventory, or `timedOut` after REGION_WAIT_MS (the read goes on and the next view gets it). */
export async function regionInventoryWithin(
  region: string,
  options: { fresh?: boolean } = {},
  waitMs = REGION_WAIT_MS,
): Promise<RegionAnswer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<RegionAnswer>((resolve) => {
    timer = setTimeout(() => resolve({ region, timedOut: true }), waitMs);
  });
  try {
    return await Promise.race([regionInventory(region, options).then((inventory) => ({ region, inventory })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
