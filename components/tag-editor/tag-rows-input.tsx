'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { MAX_TAGS, type RowErrors, type TagRow } from '@/lib/ivs/tag-rows';

export type { TagRow };

const errorText = 'mt-1 text-sm text-red-700 dark:text-red-400';

/**
 * Key/value rows for tags given at creation (channels, key pairs, recording configurations, restriction
 * policies). The detail pages edit existing tags with TagEditor instead. `rowErrors[i]` are the messages
 * for row i (see `rowErrorsFromPaths`); `error` is one for the whole list (too many tags, a server refusal).
 */
export function TagRowsInput({
  id,
  rows,
  onChange,
  rowErrors,
  error,
  legend = 'Tags',
  hint,
}: {
  /** Prefix for the error ids, unique on the page. */
  id: string;
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  rowErrors?: RowErrors[];
  error?: string;
  legend?: string;
  hint?: string;
}) {
  const set = (i: number, patch: Partial<TagRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listErrorId = `${id}-error`;
  return (
    <fieldset className="space-y-2" aria-describedby={error ? listErrorId : undefined}>
      <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{legend}</legend>
      {hint && <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>}
      {rows.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No tags.</p>}
      {rows.map((row, i) => {
        const keyError = rowErrors?.[i]?.key;
        const valueError = rowErrors?.[i]?.value;
        const keyErrorId = `${id}-${i}-key-error`;
        const valueErrorId = `${id}-${i}-value-error`;
        return (
          <div key={i} className="flex flex-wrap items-start gap-2">
            <div className="min-w-40 flex-1">
              <Input
                aria-label={`Tag ${i + 1} key`}
                placeholder="key"
                value={row.key}
                onChange={(e) => set(i, { key: e.target.value })}
                // A list-level error (e.g. from the server) has no row: mark the keys so the eye finds the list.
                invalid={!!keyError || !!error}
                aria-describedby={keyError ? keyErrorId : undefined}
              />
              {keyError && (
                <p id={keyErrorId} className={errorText}>
                  {keyError}
                </p>
              )}
            </div>
            <div className="min-w-40 flex-1">
              <Input
                aria-label={`Tag ${i + 1} value`}
                placeholder="value"
                value={row.value}
                onChange={(e) => set(i, { value: e.target.value })}
                invalid={!!valueError}
                aria-describedby={valueError ? valueErrorId : undefined}
              />
              {valueError && (
                <p id={valueErrorId} className={errorText}>
                  {valueError}
                </p>
              )}
            </div>
            <Button variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove tag ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      {error && (
        <p id={listErrorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <Button variant="secondary" size="sm" onClick={() => onChange([...rows, { key: '', value: '' }])} disabled={rows.length >= MAX_TAGS}>
        Add tag
      </Button>
    </fieldset>
  );
}

/**
 * Per-row messages from errors keyed by path ('tags.0.key', as issuesByPath or a server's fieldErrors
 * give them). `show(path)` hides a message until its field was touched or the form was submitted.
 */
export function rowErrorsFromPaths(
  count: number,
  errors: Record<string, string | undefined>,
  prefix = 'tags.',
  show: (path: string) => boolean = () => true,
): RowErrors[] {
  const at = (path: string) => (show(path) ? errors[path] : undefined);
  return Array.from({ length: count }, (_, i) => ({ key: at(`${prefix}${i}.key`), value: at(`${prefix}${i}.value`) }));
}
