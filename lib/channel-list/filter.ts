// The channel list's "current filter" as the export route and the all-pages loader understand it,
// and the CSV / JSON shapes of an export. Pure and client-safe: the route, the list toolbar and the
// tests share it. Mirrors the list page's URL: one IVS filter (name | recording | policy | ads, the first
// given wins, as on the page), the tag filter (tagKey, tagValue) and the quick filters (qtype,
// qprivate, qlive, qtag).

import type { ChannelSummaryDto } from '@/lib/ivs/channels';

// The list's row type; a type-only import, so nothing server-only reaches the browser bundle.
export type ExportChannel = ChannelSummaryDto;

export type IvsFilterKind = 'name' | 'recording' | 'policy' | 'ads';

export interface ChannelQuery {
  ivs?: { kind: IvsFilterKind; value: string };
  tagKey: string;
  tagValue: string;
  type: string;
  private: string;
  /** 'live' | 'offline' | '': needs the live streams, which the caller passes to matchesQuery. */
  live: string;
  /** The list page's quick tag filter: "key" or "key=value", case-insensitive. */
  quickTag: string;
}

const IVS_KINDS: IvsFilterKind[] = ['name', 'recording', 'policy', 'ads'];

export function parseChannelQuery(params: URLSearchParams): ChannelQuery {
  const get = (k: string) => params.get(k)?.trim() ?? '';
  const kind = IVS_KINDS.find((k) => get(k));
  return {
    ivs: kind ? { kind, value: get(kind) } : undefined,
    tagKey: get('tagKey'),
    // The value is compared exactly (an empty value is a real tag value), so it is not trimmed.
    tagValue: params.get('tagValue') ?? '',
    type: get('qtype'),
    private: get('qprivate'),
    live: get('qlive'),
    quickTag: get('qtag'),
  };
}

/** The query string that carries the filter (for links to the export route and the page loader). */
export function channelQueryString(q: ChannelQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (q.ivs) out.set(q.ivs.kind, q.ivs.value);
  if (q.tagKey) out.set('tagKey', q.tagKey);
  if (q.tagKey && q.tagValue) out.set('tagValue', q.tagValue);
  if (q.type) out.set('qtype', q.type);
  if (q.private) out.set('qprivate', q.private);
  if (q.live) out.set('qlive', q.live);
  if (q.quickTag) out.set('qtag', q.quickTag);
  return out;
}

/** Tag filter: the key exactly (tag keys are case-sensitive in IVS); the value exactly when given. */
export function matchesTag(tags: Record<string, string>, key: string, value: string): boolean {
  if (!key) return true;
  if (!Object.prototype.hasOwnProperty.call(tags, key)) return false;
  return value === '' || tags[key] === value;
}

// Same rule as the list page's quick tag filter (components/channel-list/quick-filters.tsx).
function matchesQuickTag(tags: Record<string, string>, f: string): boolean {
  const [k, v] = f.toLowerCase().split('=', 2);
  return Object.entries(tags).some(([key, value]) => key.toLowerCase() === k && (v === undefined || value.toLowerCase() === v));
}

/** Everything in the query IVS cannot filter by itself; `liveArns` (channels live now) is needed for qlive. */
export function matchesQuery(c: ExportChannel, q: ChannelQuery, liveArns?: ReadonlySet<string>): boolean {
  if (q.live === 'live' && !liveArns?.has(c.arn)) return false;
  if (q.live === 'offline' && liveArns?.has(c.arn)) return false;
  if (!matchesTag(c.tags, q.tagKey, q.tagValue)) return false;
  if (q.type && c.type !== q.type) return false;
  if (q.private === 'yes' && !c.authorized) return false;
  if (q.private === 'no' && c.authorized) return false;
  if (q.quickTag && !matchesQuickTag(c.tags, q.quickTag)) return false;
  return true;
}

const COLUMNS: (keyof Omit<ExportChannel, 'tags'>)[] = [
  'arn',
  'id',
  'name',
  'type',
  'latencyMode',
  'authorized',
  'insecureIngest',
  'preset',
  'recordingConfigurationArn',
  'playbackRestrictionPolicyArn',
  'adConfigurationArn',
];

// Tag values may start with = + - @, which spreadsheets run as formulas: such cells get a leading '.
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per channel, one `tag:<key>` column per tag key found (sorted), RFC 4180 quoting. */
export function channelsToCsv(channels: ExportChannel[]): string {
  const tagKeys = [...new Set(channels.flatMap((c) => Object.keys(c.tags)))].sort();
  const head = [...COLUMNS, ...tagKeys.map((k) => `tag:${k}`)];
  const lines = channels.map((c) =>
    [...COLUMNS.map((col) => String(c[col])), ...tagKeys.map((k) => c.tags[k] ?? '')].map(csvCell).join(','),
  );
  return [head.map(csvCell).join(','), ...lines].join('\r\n') + '\r\n';
}

/** Picks exactly the exported fields, so nothing else a DTO may carry ends up in a file. */
export function toExportChannel(c: ExportChannel): ExportChannel {
  return {
    arn: c.arn,
    id: c.id,
    name: c.name,
    type: c.type,
    latencyMode: c.latencyMode,
    authorized: c.authorized,
    insecureIngest: c.insecureIngest,
    preset: c.preset,
    recordingConfigurationArn: c.recordingConfigurationArn,
    playbackRestrictionPolicyArn: c.playbackRestrictionPolicyArn,
    adConfigurationArn: c.adConfigurationArn,
    tags: { ...c.tags },
  };
}
