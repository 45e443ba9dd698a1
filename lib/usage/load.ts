import 'server-only';
import { IVS_REGIONS } from '@/lib/ivs/regions';
import { usageSearchSchema, usageWindow, type UsageSearch, type UsageWindow } from './catalogue';
import { operatorPrices } from './prices';
import type { PriceFile } from './price-schema';
import { usageOfRegions, type RegionUsage } from './read';
import { totalRow, usageRows, type UsageRow } from './report';

export type UsageReport =
  | { ok: false; search: UsageSearch; fieldErrors: Partial<Record<'from' | 'to' | 'form', string>> }
  | {
      ok: true;
      search: UsageSearch;
      window: UsageWindow;
      regions: RegionUsage[];
      rows: UsageRow[];
      total: UsageRow;
      tagKeys: string[];
      prices: PriceFile | null;
      priceError: string | null;
    };

/** Search params -> the report (page and CSV route share it, so the download is what the page shows). */
export async function loadUsageReport(params: Record<string, string | string[] | undefined>, currentRegion: string): Promise<UsageReport> {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const parsed = usageSearchSchema.safeParse(flat);
  if (!parsed.success)
    return {
      ok: false,
      search: usageSearchSchema.parse({}),
      fieldErrors: { form: 'The report’s settings were not understood; choose them again.' },
    };
  const search = parsed.data;
  const w = usageWindow(search);
  if (!w.ok) return { ok: false, search, fieldErrors: w.fieldErrors };
  const regions = search.all === '1' || search.group === 'region' ? IVS_REGIONS.map((r) => r.id) : [currentRegion];
  const usage = await usageOfRegions(regions, w.window, search.fresh === '1');
  const { prices, error: priceError } = operatorPrices();
  const channels = usage.flatMap((r) => r.channels);
  const tagKeys = [...new Set(channels.flatMap((c) => Object.keys(c.tags)))].sort();
  const tag = search.group === 'tag' ? (search.tag ?? tagKeys[0]) : undefined;
  const rows = usageRows(channels, search.group, tag, prices);
  return {
    ok: true,
    search: { ...search, tag },
    window: w.window,
    regions: usage,
    rows,
    total: totalRow(rows),
    tagKeys,
    prices,
    priceError,
  };
}
