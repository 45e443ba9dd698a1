// Client-safe, pure: find-anywhere's matching over the regions' inventories, and where an ARN opens.
// The header's search box uses arnDestination to open a pasted ARN without a round trip.
import { ARN_LABELS, parseArn, type ArnKind } from '@/lib/ivs/arn';
import type { InventoryItem, RegionInventory } from './types';

/** The detail page of each kind of resource (ids are the ARN's last segment). */
const DETAIL_PATHS: Record<InventoryItem['kind'], string> = {
  channel: '/channels/',
  'playback-key': '/playback-keys/',
  'recording-configuration': '/recording-configurations/',
  'playback-restriction-policy': '/restriction-policies/',
  'ad-configuration': '/ad-configurations/',
};

export const detailPath = (kind: InventoryItem['kind'], id: string) => `${DETAIL_PATHS[kind]}${encodeURIComponent(id)}`;

export interface ArnDestination {
  region: string;
  kind: ArnKind;
  label: string;
  id: string;
  /** Null for a stream key: it has no page of its own (it shows on its channel's). */
  path: string | null;
}

/** Where a pasted IVS ARN opens: its own region (from the ARN) and its detail page; null for anything else. */
export function arnDestination(text: string): ArnDestination | null {
  const arn = parseArn(text.trim());
  if (!arn) return null;
  const path = arn.kind === 'stream-key' ? null : detailPath(arn.kind, arn.id);
  return { region: arn.region, kind: arn.kind, label: ARN_LABELS[arn.kind], id: arn.id, path };
}

export interface FindResult {
  region: string;
  kind: InventoryItem['kind'];
  label: string;
  arn: string;
  id: string;
  name: string;
  /** What matched, for the result's line: "name", "id", "ARN", "tag env=prod". */
  matched: string;
  path: string;
}

export const FIND_LIMIT = 50;

// A query is matched against names (contains, any case), ids and ARNs (whole, any case for ids) and
// tags: "key" finds resources with that tag key, "key=value" those with that exact tag.
function matchOf(item: InventoryItem, q: string): string | null {
  const lower = q.toLowerCase();
  if (item.arn === q) return 'ARN';
  if (item.id.toLowerCase() === lower) return 'id';
  if (item.name && item.name.toLowerCase().includes(lower)) return 'name';
  const eq = q.indexOf('=');
  if (eq > 0) {
    const key = q.slice(0, eq).trim();
    const value = q.slice(eq + 1).trim();
    if (Object.hasOwn(item.tags, key) && item.tags[key] === value) return `tag ${key}=${value}`;
  } else if (Object.hasOwn(item.tags, q)) {
    return `tag ${q}`;
  }
  return null;
}

function itemsOf(inv: RegionInventory): InventoryItem[] {
  return [
    ...(inv.channels?.items ?? []),
    ...(inv.keyPairs ?? []),
    ...(inv.recordingConfigurations ?? []),
    ...(inv.restrictionPolicies ?? []),
  ];
}

/** Everything matching `q` in these regions, channels first, at most `limit`; `total` counts all matches. */
export function findInInventories(inventories: RegionInventory[], q: string, limit = FIND_LIMIT): { results: FindResult[]; total: number } {
  const query = q.trim();
  const results: FindResult[] = [];
  let total = 0;
  for (const inv of inventories) {
    for (const item of itemsOf(inv)) {
      const matched = matchOf(item, query);
      if (!matched) continue;
      total++;
      if (results.length < limit) {
        results.push({
          region: inv.region,
          kind: item.kind,
          label: ARN_LABELS[item.kind],
          arn: item.arn,
          id: item.id,
          name: item.name,
          matched,
          path: detailPath(item.kind, item.id),
        });
      }
    }
  }
  return { results, total };
}
