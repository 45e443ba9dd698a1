// Client-safe: the shapes the overview and find-anywhere pass from server to page.
import type { ArnKind } from '@/lib/ivs/arn';

/** A listing IVS refused or that failed, by the operation the console called. */
export interface OperationFailure {
  operation: string;
  code: string;
  message: string;
}

/** A resource find-anywhere can match: what a List* call says about it (names, ids, tags; never secrets). */
export interface InventoryItem {
  kind: Exclude<ArnKind, 'stream-key'>;
  arn: string;
  id: string;
  name: string;
  tags: Record<string, string>;
}

export interface ChannelItem extends InventoryItem {
  authorized: boolean;
  // BASIC, STANDARD, ADVANCED_SD, ADVANCED_HD: the usage report splits input hours by it (priced apart).
  type?: string;
}

/** One region as last read; a listing that failed is null and its failure is in `failures`. */
export interface RegionInventory {
  region: string;
  readAt: number;
  failures: OperationFailure[];
  channels: { items: ChannelItem[]; truncated: boolean } | null;
  live: { count: number; viewers: number; truncated: boolean } | null;
  keyPairs: InventoryItem[] | null;
  recordingConfigurations: InventoryItem[] | null;
  restrictionPolicies: InventoryItem[] | null;
}
