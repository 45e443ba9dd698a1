import 'server-only';
import { FRESH_FLOOR_MS, regionInventory } from '@/lib/overview/cache';
import type { RegionInventory } from '@/lib/overview/types';
import { readAppliedQuotas } from './applied';
import { QUOTAS, usageLevel, type QuotaKey, type QuotaRow, type RegionQuotas } from './catalogue';

// A region's quotas against its usage now. Usage comes from the overview's shared inventory
// (lib/overview/cache.ts: counts of channels, live streams, key pairs, recording configurations and
// restriction policies, read once per region per 30 s for every page), so this page adds one
// ListServiceQuotas call per region per KEEP_MS and nothing per channel. Concurrent views are the
// viewers of the live streams now, summed: CloudWatch has no account-wide series to take a 24 h peak
// from without one query per channel, so the row says which figure it is.
export const KEEP_MS = 30_000;

interface Entry {
  at: number;
  promise: Promise<RegionQuotas>;
}
const entries = ((globalThis as { __regionQuotas?: Map<string, Entry> }).__regionQuotas ??= new Map());

function usageOf(inv: RegionInventory): Record<QuotaKey, number | null> {
  return {
    channels: inv.channels ? inv.channels.items.length : null,
    concurrentStreams: inv.live ? inv.live.count : null,
    concurrentViews: inv.live ? inv.live.viewers : null,
    playbackKeyPairs: inv.keyPairs ? inv.keyPairs.length : null,
    recordingConfigurations: inv.recordingConfigurations ? inv.recordingConfigurations.length : null,
    restrictionPolicies: inv.restrictionPolicies ? inv.restrictionPolicies.length : null,
  };
}

async function readRegionQuotas(region: string, fresh: boolean): Promise<RegionQuotas> {
  const [applied, inventory] = await Promise.all([readAppliedQuotas(region), regionInventory(region, { fresh })]);
  const usage = usageOf(inventory);
  const rows: QuotaRow[] = QUOTAS.map((q) => ({
    ...q,
    applied: applied.values[q.key],
    usage: usage[q.key],
    usageNote:
      q.key === 'concurrentViews'
        ? 'viewers now, summed over live channels'
        : q.key === 'channels' && inventory.channels?.truncated
          ? 'at least'
          : undefined,
    ...usageLevel(usage[q.key], applied.values[q.key]),
  }));
  return {
    region,
    readAt: Date.now(),
    rows,
    notice: applied.notice,
    usageFailures: inventory.failures.map((f) => `${f.operation}: ${f.message}`),
  };
}

/**
 * The region's quotas and usage, shared by every viewer for KEEP_MS. `fresh` ("Read again", as on the
 * overview): re-read when the kept answer is older than FRESH_FLOOR_MS, so a held-down reload cannot
 * cost more than one read per region per FRESH_FLOOR_MS.
 */
export function regionQuotas(region: string, { fresh = false } = {}): Promise<RegionQuotas> {
  const now = Date.now();
  const found = entries.get(region);
  if (found && now - found.at < (fresh ? FRESH_FLOOR_MS : KEEP_MS)) return found.promise;
  const entry: Entry = { at: now, promise: readRegionQuotas(region, fresh) };
  entries.set(region, entry);
  entry.promise.catch(() => {
    if (entries.get(region) === entry) entries.delete(region);
  });
  return entry.promise;
}

/** The region's quotas at WARN_RATIO of their applied value or more (for the overview). */
export async function quotaWarnings(region: string): Promise<QuotaRow[]> {
  return (await regionQuotas(region)).rows.filter((r) => r.level !== 'ok');
}
