import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegionInventory } from './types';

// The inventory read itself is replaced: what is tested is who shares and keeps it.
const reads: Array<{ region: string; resolve: (v: RegionInventory) => void }> = [];
vi.mock('./inventory', () => ({
  readRegionInventory: vi.fn((region: string) => new Promise<RegionInventory>((resolve) => reads.push({ region, resolve }))),
}));
const { regionInventory, regionInventoryWithin, KEEP_MS, FAILED_KEEP_MS, FRESH_FLOOR_MS } = await import('./cache');
const { invalidateReads } = await import('@/lib/ivs/read-cache');

let n = 0;
const nextRegion = () => `overview-region-${++n}`;
const answer = (region: string, failed = false): RegionInventory => ({
  region,
  readAt: Date.now(),
  failures: failed ? [{ operation: 'ListChannels', code: 'AccessDeniedException', message: '' }] : [],
  channels: failed ? null : { items: [], truncated: false },
  live: null,
  keyPairs: [],
  recordingConfigurations: [],
  restrictionPolicies: [],
});
async function settleLast(failed = false) {
  const r = reads.at(-1)!;
  r.resolve(answer(r.region, failed));
  await Promise.resolve();
  await Promise.resolve();
}

beforeEach(() => {
  vi.useFakeTimers();
  reads.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('regionInventory', () => {
  it('50 viewers at once share one read per region, then it is kept for KEEP_MS', async () => {
    const region = nextRegion();
    const all = Promise.all(Array.from({ length: 50 }, () => regionInventory(region)));
    expect(reads).toHaveLength(1);
    await settleLast();
    expect(new Set(await all).size).toBe(1);
    vi.advanceTimersByTime(KEEP_MS - 1);
    await regionInventory(region);
    expect(reads).toHaveLength(1);
    vi.advanceTimersByTime(1);
    void regionInventory(region);
    expect(reads).toHaveLength(2);
  });

  it('keeps a region with a failed listing only FAILED_KEEP_MS', async () => {
    const region = nextRegion();
    void regionInventory(region);
    await settleLast(true);
    vi.advanceTimersByTime(FAILED_KEEP_MS - 1);
    await regionInventory(region);
    expect(reads).toHaveLength(1);
    vi.advanceTimersByTime(1);
    void regionInventory(region);
    expect(reads).toHaveLength(2);
  });

  it('"Read again" re-reads an answer older than FRESH_FLOOR_MS, never a younger one', async () => {
    const region = nextRegion();
    void regionInventory(region);
    await settleLast();
    await regionInventory(region, { fresh: true });
    expect(reads).toHaveLength(1);
    vi.advanceTimersByTime(FRESH_FLOOR_MS);
    void regionInventory(region, { fresh: true });
    expect(reads).toHaveLength(2);
  });

  it('a write through the console drops the kept answer at once', async () => {
    const region = nextRegion();
    void regionInventory(region);
    await settleLast();
    invalidateReads(region);
    void regionInventory(region);
    expect(reads).toHaveLength(2);
  });

  it('a page stops waiting for a region that does not answer, and the read goes on', async () => {
    const region = nextRegion();
    const waiting = regionInventoryWithin(region, {}, 1_000);
    vi.advanceTimersByTime(1_000);
    expect(await waiting).toEqual({ region, timedOut: true });
    await settleLast();
    expect(await regionInventoryWithin(region, {}, 1_000)).toMatchObject({ region, inventory: { region } });
    expect(reads).toHaveLength(1);
  });
});
