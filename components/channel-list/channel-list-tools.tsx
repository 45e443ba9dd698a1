'use client';

import Form from 'next/form';
import { useSearchParams } from 'next/navigation';
import { Button, ButtonLink, buttonClasses } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { channelQueryString, parseChannelQuery } from '@/lib/channel-list/filter';
import { BulkTagButton } from '@/components/bulk-tag/bulk-tag-dialog';

// Kept when the tag filter form is submitted: the IVS filter and the quick filters of the list.
const CARRIED = ['name', 'recording', 'policy', 'qtype', 'qprivate', 'qlive', 'qtag'];

/**
 * The channel list toolbar's tag pieces: filter by tag (across all pages), export the current view
 * as CSV or JSON, and, for operators, tag every channel matching the current filter.
 * Reads the URL on the client, because the quick filters change it without a server round trip.
 */
export function ChannelListTools({ canEdit }: { canEdit: boolean }) {
  const params = useSearchParams();
  const query = channelQueryString(parseChannelQuery(new URLSearchParams(params.toString())));
  const exportHref = (format: 'csv' | 'json') => `/api/channels/export?${new URLSearchParams([['format', format], ...query])}`;
  const tagKey = params.get('tagKey') ?? '';

  return (
    <div className="flex flex-wrap items-end gap-2">
      <Form action="/channels" className="flex flex-wrap items-end gap-2" aria-label="Filter channels by tag">
        {CARRIED.map((k) => (params.get(k) ? <input key={k} type="hidden" name={k} value={params.get(k) ?? ''} /> : null))}
        <div className="space-y-1">
          <label htmlFor="tag-filter-key" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Tag key
          </label>
          <Input id="tag-filter-key" name="tagKey" defaultValue={tagKey} placeholder="e.g. team" className="h-9 w-40 font-mono" />
        </div>
        <div className="space-y-1">
          <label htmlFor="tag-filter-value" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Tag value (optional)
          </label>
          <Input id="tag-filter-value" name="tagValue" defaultValue={params.get('tagValue') ?? ''} placeholder="any value" className="h-9 w-40 font-mono" />
        </div>
        <Button type="submit" variant="secondary" size="sm" className="h-9" aria-describedby="tag-filter-scope">
          Filter by tag
        </Button>
        {tagKey && (
          <ButtonLink href={`/channels?${new URLSearchParams([...params].filter(([k]) => k !== 'tagKey' && k !== 'tagValue'))}`} variant="ghost" size="sm" className="h-9">
            Clear tag filter
          </ButtonLink>
        )}
        {/* Two tag filters sit on this page; each says how far it reaches (the quick one: loaded rows). */}
        <p id="tag-filter-scope" className="basis-full text-xs text-zinc-600 dark:text-zinc-400">
          Searches every page of channels in this region (IVS cannot filter by tag, so the console reads them all).
        </p>
      </Form>
      <div className="ml-auto flex flex-wrap items-center gap-2" role="group" aria-label="Export and bulk tagging">
        <a href={exportHref('csv')} download className={buttonClasses('secondary', 'sm')}>
          Export CSV
        </a>
        <a href={exportHref('json')} download className={buttonClasses('secondary', 'sm')}>
          Export JSON
        </a>
        {canEdit && <BulkTagButton query={query} label="Tag all matching…" />}
      </div>
    </div>
  );
}
