'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

export interface TagRow {
  key: string;
  value: string;
}

/** A key/value rows editor for tags set at creation; errors come keyed as 'tags.<i>.key'. */
export function TagRows({ rows, onChange, errors, show }: { rows: TagRow[]; onChange: (rows: TagRow[]) => void; errors: Record<string, string>; show: (path: string) => boolean }) {
  const set = (i: number, patch: Partial<TagRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listError = show('tags') ? errors.tags : undefined;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Tags</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Up to 50. Keys 1–128 and values up to 256 characters; keys may not start with aws:.</p>
      {rows.map((row, i) => {
        const keyError = show(`tags.${i}.key`) ? errors[`tags.${i}.key`] : undefined;
        const valueError = show(`tags.${i}.value`) ? errors[`tags.${i}.value`] : undefined;
        return (
          <div key={i} className="flex flex-wrap items-start gap-2">
            <div className="min-w-40 flex-1">
              <Input
                aria-label={`Tag ${i + 1} key`}
                value={row.key}
                onChange={(e) => set(i, { key: e.target.value })}
                invalid={!!keyError}
                aria-describedby={keyError ? `tag-${i}-key-error` : undefined}
                placeholder="key"
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
                placeholder="value"
              />
              {valueError && <p id={`tag-${i}-value-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{valueError}</p>}
            </div>
            <Button variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove tag ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      {listError && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{listError}</p>}
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={rows.length >= 50}>
        Add tag
      </Button>
    </fieldset>
  );
}
