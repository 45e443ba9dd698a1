'use client';

import Form from 'next/form';
import { useSearchParams } from 'next/navigation';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

// Kept when the tag filter form is submitted: the IVS filter and the quick filters of the list.
const CARRIED = ['name', 'recording', 'policy', 'ads', 'qtype', 'qprivate', 'qlive', 'qtag'];

/** Filter by tag across every page (IVS cannot, so the console reads them all). A GET form: it lives in the URL. */
export function TagFilterForm() {
  const params = useSearchParams();
  const tagKey = params.get('tagKey') ?? '';
  return (
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
        <Input
          id="tag-filter-value"
          name="tagValue"
          defaultValue={params.get('tagValue') ?? ''}
          placeholder="any value"
          className="h-9 w-40 font-mono"
        />
      </div>
      <Button type="submit" variant="secondary" size="sm" className="h-9">
        Filter by tag
      </Button>
      {tagKey && (
        <ButtonLink
          href={`/channels?${new URLSearchParams([...params].filter(([k]) => k !== 'tagKey' && k !== 'tagValue'))}`}
          variant="ghost"
          size="sm"
          className="h-9"
        >
          Clear tag filter
        </ButtonLink>
      )}
    </Form>
  );
}
