'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export interface TagRow {
  key: string;
  value: string;
}

/** Key/value rows for tags given at creation (the shared TagEditor edits tags on detail pages). */
export function TagRows({ id, value, onChange, error }: { id: string; value: TagRow[]; onChange: (rows: TagRow[]) => void; error?: string }) {
  const update = (i: number, patch: Partial<TagRow>) => onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Tags</legend>
      {value.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No tags.</p>}
      {value.map((row, i) => (
        <div key={i} className="flex gap-2">
          <Input aria-label={`Tag ${i + 1} key`} placeholder="Key" value={row.key} invalid={!!error} onChange={(e) => update(i, { key: e.target.value })} />
          <Input aria-label={`Tag ${i + 1} value`} placeholder="Value" value={row.value} onChange={(e) => update(i, { value: e.target.value })} />
          <Button variant="ghost" size="md" aria-label={`Remove tag ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => onChange([...value, { key: '', value: '' }])} disabled={value.length >= 50}>
        Add tag
      </Button>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
