import 'server-only';
import { regionPeakViews24h } from '@/lib/metrics/points';
import { FRESH_FLOOR_MS, regionInventory } from '@/lib/overview/cache';
import type { RegionInventory } from '@/lib/overview/types';
import { readAppliedQuotas } from './applied';
import { QUOTAS, usageLevel, type QuotaKey, type QuotaRow, type RegionQuotas } from './catalogue';

// A region's quotas against its usage now. Usage comes from the overview's shared inventory
// (lib/overview/cache.ts: counts of channels, live streams, key pairs, recording configurations and
// restriction policies, read once per region per 30 s for every page), so this page adds one
// ListServiceQuotas call per region per KEEP_MS and nothing per channel. Concurrent views, a quota
// judged at event time, are the peak of the last 24 h of the region's ConcurrentViews total (no
// dimension): one more GetMetricData call with one query per region per KEEP_MS. Without CloudWatch
// (no permission, or no data) it falls back to the viewers now, and the row says which figure it is.
export const KEEP_MS = 30_000;

interface Entry {
  at: number;
  promise: Promise<RegionQuotas>;
}
const entries = ((globalThis as { __regionQuotas?: Map<string, Entry> }).__regionQuotas ??= new Map());

function usageOf(inv: RegionInventory, peakViews: number | null): Record<QuotaKey, number | null> {
  return {
    channels: inv.channels ? inv.channels.items.length : null,
    concurrentStreams: inv.live ? inv.live.count : null,
    concurrentViews: peakViews ?? (inv.live ? inv.live.viewers : null),
    playbackKeyPairs: inv.keyPairs ? inv.keyPairs.length : null,
    recordingConfigurations: inv.recordingConfigurations ? inv.recordingConfigurations.length : null,
    restrictionPolicies: inv.restrictionPolicies ? inv.restrictionPolicies.length : null,
  };
}

async function readRegionQuotas(region: string, fresh: boolean): Promise<RegionQuotas> {
  const [applied, inventory, peak] = await Promise.all([
    readAppliedQuotas(region),
    regionInventory(region, { fresh }),
    regionPeakViews24h(region).then(
      (value) => ({ value, failure: null }),
      (e: { name?: string }) => ({
        value: null,
        failure:
          e?.name === 'AccessDenied' || e?.name === 'AccessDeniedException'
            ? 'ConcurrentViews peak: allow cloudwatch:GetMetricData to judge concurrent views by the last 24 hours'
            : `ConcurrentViews peak: CloudWatch did not answer (${e?.name ?? 'Error'})`,
      }),
    ),
  ]);
  // The peak includes now only as CloudWatch has it (a minute behind): never below the viewers now.
  const peakViews = peak.value === null ? null : Math.max(peak.value, inventory.live?.viewers ?? 0);
  const usage = usageOf(inventory, peakViews);
  const rows: QuotaRow[] = QUOTAS.map((q) => ({
    ...q,
    applied: applied.values[q.key],
    usage: usage[q.key],
    usageNote:
      q.key === 'concurrentViews'
        ? peakViews === null
          ? 'viewers now, summed over live channels'
          : 'peak of the last 24 hours (CloudWatch)'
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
    usageFailures: [...inventory.failures.map((f) => `${f.operation}: ${f.message}`), ...(peak.failure ? [peak.failure] : [])],
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
