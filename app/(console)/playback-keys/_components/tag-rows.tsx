'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export interface TagRow {
  key: string;
  value: string;
}

/** Key/value rows for tags on import; errors come from keyPairTagsSchema, by row. */
export function TagRows({ rows, onChange, errors }: { rows: TagRow[]; onChange: (rows: TagRow[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<TagRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Tags (optional)</legend>
      {rows.map((row, i) => {
        const keyError = errors[`${i}.key`];
        const valueError = errors[`${i}.value`];
        return (
          <div key={i} className="flex flex-wrap items-start gap-2">
            <div className="min-w-40 flex-1">
              <Input
                aria-label={`Tag ${i + 1} key`}
                value={row.key}
                onChange={(e) => set(i, { key: e.target.value })}
                invalid={!!keyError}
                aria-describedby={keyError ? `tag-${i}-key-error` : undefined}
              />
              {keyError && <p id={`tag-${i}-key-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{keyError}</p>}
            </div>
            <div className="min-w-40 flex-1">
              <Input
                aria-label={`Tag ${i + 1} value`}
                value={row.value}
                onChange={(e) => set(i, { value: e.target.value })}
                invalid={!!valueError}
                aria-describedby={valueError ? `tag-${i}-value-error` : undefined}
              />
              {valueError && <p id={`tag-${i}-value-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{valueError}</p>}
            </div>
            <Button variant="ghost" size="sm" className="mt-1" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove tag ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={rows.length >= 50}>
        Add tag
      </Button>
    </fieldset>
  );
}
