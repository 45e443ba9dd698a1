'use client';

import { BulkTagButton } from '@/components/bulk-tag/bulk-tag-dialog';
import { BulkRotateKeysButton } from '@/components/stream-key/bulk-rotate-keys';
import { CloneToRegionButton } from '@/components/clone/clone-button';
import { BulkDeleteChannelsButton } from './bulk-delete-channels';
import { ExportAsCode } from './export-as-code';
import { Button } from '@/components/ui/button';
import type { ChannelSummaryDto } from '@/lib/ivs/channels';

/** Bulk actions on the selected rows. Each bulk action is its own component, added in the slot below. */
export function SelectionToolbar({
  region,
  selected,
  onClear,
  canDelete,
}: {
  region: string;
  selected: ChannelSummaryDto[];
  onClear: () => void;
  canDelete: boolean;
}) {
  if (!selected.length) return null;
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-blue-200 bg-blue-50 px-3 py-2 text-sm dark:border-blue-900 dark:bg-blue-950/40"
    >
      <span className="font-medium">{selected.length} selected</span>
      <div className="flex flex-wrap items-center gap-2" data-slot="bulk-actions">
        <BulkRotateKeysButton channelArns={selected.map((c) => c.arn)} />
        <BulkTagButton channels={selected.map((c) => ({ arn: c.arn, name: c.name || c.id }))} label={`Tag ${selected.length} selected…`} />
        <ExportAsCode channelArns={selected.map((c) => c.arn)} />
        <CloneToRegionButton region={region} channelArns={selected.map((c) => c.arn)} />
        {canDelete && <BulkDeleteChannelsButton channels={selected.map((c) => ({ arn: c.arn, name: c.name || c.id }))} onDone={onClear} />}
      </div>
      <Button variant="ghost" size="sm" onClick={onClear} className="ml-auto">
        Clear selection
      </Button>
    </div>
  );
}
