// Client-safe, pure: channel usage (seconds, from CloudWatch) grouped into the report's rows.
import { CHANNEL_TYPES, type ChannelType, type Grouping } from './catalogue';
import type { PriceFile } from './price-schema';

export interface ChannelUsage {
  region: string;
  id: string;
  arn: string;
  name: string;
  type: string;
  tags: Record<string, string>;
  inputSeconds: number;
  deliveredSeconds: number;
  recordedSeconds: number;
  peakViews: number;
}

export interface UsageRow {
  key: string;
  label: string;
  channels: number;
  inputHours: Record<ChannelType, number>;
  inputHoursTotal: number;
  deliveredHours: number;
  recordedHours: number;
  // The highest peak of any one channel in the row: CloudWatch's per-channel peaks happened at
  // different times, so adding them would overstate what was ever concurrent.
  peakViews: number;
  estimate: number | null;
}

const HOUR = 3600;
const UNTAGGED = '(no tag)';

function estimateOf(u: ChannelUsage, prices: PriceFile): number {
  const r = { ...prices.default, ...prices.regions[u.region] };
  const inputRate = { ...prices.default.inputPerHour, ...r.inputPerHour }[u.type as ChannelType] ?? 0;
  return (
    (u.inputSeconds / HOUR) * inputRate + (u.deliveredSeconds / HOUR) * r.deliveredPerHour + (u.recordedSeconds / HOUR) * r.recordedPerHour
  );
}

function groupOf(u: ChannelUsage, grouping: Grouping, tagKey: string | undefined): { key: string; label: string } {
  if (grouping === 'region') return { key: u.region, label: u.region };
  if (grouping === 'tag') {
    const value = tagKey ? u.tags[tagKey] : undefined;
    return value === undefined ? { key: `\u0000${UNTAGGED}`, label: UNTAGGED } : { key: value, label: value };
  }
  return { key: u.arn, label: `${u.name || u.id} (${u.region})` };
}

/** Rows sorted by input hours, most first; estimates only when a price file was given. */
export function usageRows(usage: ChannelUsage[], grouping: Grouping, tagKey: string | undefined, prices: PriceFile | null): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const u of usage) {
    const { key, label } = groupOf(u, grouping, tagKey);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        label,
        channels: 0,
        inputHours: Object.fromEntries(CHANNEL_TYPES.map((t) => [t, 0])) as Record<ChannelType, number>,
        inputHoursTotal: 0,
        deliveredHours: 0,
        recordedHours: 0,
        peakViews: 0,
        estimate: prices ? 0 : null,
      };
      rows.set(key, row);
    }
    row.channels += 1;
    if (u.type in row.inputHours) row.inputHours[u.type as ChannelType] += u.inputSeconds / HOUR;
    row.inputHoursTotal += u.inputSeconds / HOUR;
    row.deliveredHours += u.deliveredSeconds / HOUR;
    row.recordedHours += u.recordedSeconds / HOUR;
    row.peakViews = Math.max(row.peakViews, u.peakViews);
    if (prices && row.estimate !== null) row.estimate += estimateOf(u, prices);
  }
  return [...rows.values()].sort((a, b) => b.inputHoursTotal - a.inputHoursTotal || a.label.localeCompare(b.label));
}

/** The sum of every row (peak: the highest), for the table's last line. */
export function totalRow(rows: UsageRow[]): UsageRow {
  const total: UsageRow = {
    key: 'total',
    label: 'Total',
    channels: 0,
    inputHours: Object.fromEntries(CHANNEL_TYPES.map((t) => [t, 0])) as Record<ChannelType, number>,
    inputHoursTotal: 0,
    deliveredHours: 0,
    recordedHours: 0,
    peakViews: 0,
    estimate: rows.some((r) => r.estimate !== null) ? 0 : null,
  };
  for (const r of rows) {
    total.channels += r.channels;
    for (const t of CHANNEL_TYPES) total.inputHours[t] += r.inputHours[t];
    total.inputHoursTotal += r.inputHoursTotal;
    total.deliveredHours += r.deliveredHours;
    total.recordedHours += r.recordedHours;
    total.peakViews = Math.max(total.peakViews, r.peakViews);
    if (total.estimate !== null) total.estimate += r.estimate ?? 0;
  }
  return total;
}

const csvCell = (v: string | number) => {
  const s = typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v;
  // Quote always; a leading =, +, - or @ would run as a formula in a spreadsheet.
  return `"${(/^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s).replace(/"/g, '""')}"`;
};

/** The report as CSV (hours to 3 decimals), the estimate column only with a price file. */
export function usageCsv(rows: UsageRow[], grouping: Grouping, currency: string | null): string {
  const head = [
    grouping,
    'channels',
    ...CHANNEL_TYPES.map((t) => `input_hours_${t}`),
    'input_hours',
    'delivered_hours',
    'recorded_hours',
    'peak_concurrent_views',
    ...(currency ? [`estimate_${currency}`] : []),
  ];
  const lines = rows.map((r) =>
    [
      r.label,
      r.channels,
      ...CHANNEL_TYPES.map((t) => r.inputHours[t]),
      r.inputHoursTotal,
      r.deliveredHours,
      r.recordedHours,
      r.peakViews,
      ...(currency ? [r.estimate ?? 0] : []),
    ].map(csvCell),
  );
  return [head.map(csvCell), ...lines].map((l) => l.join(',')).join('\r\n') + '\r\n';
}
