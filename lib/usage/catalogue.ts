// Client-safe: what the usage report reads and how a period is chosen. The metric names and units
// are those of AWS/IVS (docs/ivs-metrics.md, "Usage metrics", says what was checked); each is read per channel
// (dimension `Channel`, the channel's resource id) over the whole period as ONE data point.
import { z } from 'zod';

export const USAGE_METRICS = {
  LiveInputTime: { stat: 'Sum', label: 'Input hours' },
  LiveDeliveredTime: { stat: 'Sum', label: 'Delivered hours' },
  RecordedTime: { stat: 'Sum', label: 'Recorded hours' },
  ConcurrentViews: { stat: 'Maximum', label: 'Peak concurrent views' },
} as const;
export type UsageMetric = keyof typeof USAGE_METRICS;
export const USAGE_METRIC_NAMES = Object.keys(USAGE_METRICS) as UsageMetric[];

export const CHANNEL_TYPES = ['BASIC', 'STANDARD', 'ADVANCED_SD', 'ADVANCED_HD'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const RANGES = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type RangeKey = keyof typeof RANGES | 'custom';
export const GROUPINGS = ['channel', 'tag', 'region'] as const;
export type Grouping = (typeof GROUPINGS)[number];

// CloudWatch keeps 1-hour data for 455 days: a report cannot reach further back.
export const OLDEST_MS = 455 * 86_400_000;
const MINUTE = 60_000;

export interface UsageWindow {
  start: Date;
  end: Date;
}

const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

export const usageSearchSchema = z.object({
  range: z.enum(['24h', '7d', '30d', 'custom']).default('24h'),
  from: z.string().optional(),
  to: z.string().optional(),
  group: z.enum(GROUPINGS).default('channel'),
  tag: z.string().max(128).optional(),
  all: z.enum(['0', '1']).optional(),
  // "Read again": channel listings no older than the overview's FRESH_FLOOR_MS (lib/overview/cache.ts).
  fresh: z.enum(['0', '1']).optional(),
});
export type UsageSearch = z.infer<typeof usageSearchSchema>;

export type WindowResult = { ok: true; window: UsageWindow } | { ok: false; fieldErrors: Partial<Record<'from' | 'to', string>> };

// A datetime-local value ("2026-12-01T10:00") is read as UTC: the page says so next to the fields.
function parseUtc(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The report's window, on whole minutes (so one CloudWatch period of exactly the window's length
 * covers it), or what is wrong with a custom from/to, field by field.
 */
export function usageWindow(search: Pick<UsageSearch, 'range' | 'from' | 'to'>, now = Date.now()): WindowResult {
  if (search.range !== 'custom') {
    const end = ceilMinute(now);
    return { ok: true, window: { start: new Date(end - RANGES[search.range]), end: new Date(end) } };
  }
  const fieldErrors: Partial<Record<'from' | 'to', string>> = {};
  const from = parseUtc(search.from);
  const to = parseUtc(search.to);
  if (!search.from) fieldErrors.from = 'Give a start date and time.';
  else if (from === undefined) fieldErrors.from = 'Not a date and time (use YYYY-MM-DDTHH:MM, UTC).';
  else if (from < now - OLDEST_MS) fieldErrors.from = 'CloudWatch keeps IVS metrics for 455 days: start later.';
  if (!search.to) fieldErrors.to = 'Give an end date and time.';
  else if (to === undefined) fieldErrors.to = 'Not a date and time (use YYYY-MM-DDTHH:MM, UTC).';
  else if (to > now + MINUTE) fieldErrors.to = 'The end is in the future.';
  if (from !== undefined && to !== undefined && !fieldErrors.to && floorMinute(from) >= ceilMinute(to))
    fieldErrors.to = 'The end must be at least a minute after the start.';
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return { ok: true, window: { start: new Date(floorMinute(from!)), end: new Date(ceilMinute(to!)) } };
}
