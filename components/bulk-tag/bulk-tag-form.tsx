'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { MAX_TAGS, tagKeySchema, validateTagRows, type TagRow } from '@/lib/ivs/schemas/tags';

export interface BulkChange {
  set: Record<string, string>;
  remove: string[];
}

const keyError = (key: string) => {
  const r = tagKeySchema.safeParse(key);
  return r.success ? undefined : r.error.issues[0]?.message;
};

/** What to change on every channel: tags to add or overwrite, and keys to remove. Checked per row. */
export function BulkTagForm({
  count,
  onSubmit,
  onCancel,
}: {
  count: number;
  onSubmit: (change: BulkChange) => void;
  onCancel: () => void;
}) {
  const [rows, setRows] = useState<TagRow[]>([{ key: '', value: '' }]);
  const [removeText, setRemoveText] = useState('');
  const [attempted, setAttempted] = useState(false);

  const filled = rows.filter((r) => r.key || r.value);
  const check = validateTagRows(filled);
  const removeKeys = [
    ...new Set(
      removeText
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  const removeErrors = removeKeys.map((k) => (keyError(k) ? `“${k}”: ${keyError(k)}` : null)).filter(Boolean);
  const overlap = removeKeys.filter((k) => filled.some((r) => r.key === k));
  const removeMessages = [...removeErrors, ...(overlap.length ? [`Remove or set a key, not both: ${overlap.join(', ')}.`] : [])];
  const empty = filled.length === 0 && removeKeys.length === 0;
  const valid = check.valid && removeErrors.length === 0 && overlap.length === 0 && !empty && removeKeys.length <= MAX_TAGS;
  const errorFor = (i: number) => (attempted || rows[i].key || rows[i].value ? check.rows[filled.indexOf(rows[i])] : undefined);

  const submit = () => {
    setAttempted(true);
    if (valid) onSubmit({ set: Object.fromEntries(filled.map((r) => [r.key, r.value])), remove: removeKeys });
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Add or overwrite tags</legend>
        {rows.map((row, i) => {
          const e = errorFor(i);
          return (
            <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
              <div>
                <Input
                  aria-label={`Bulk tag key ${i + 1}`}
                  placeholder="Key"
                  value={row.key}
                  invalid={Boolean(e?.key)}
                  aria-describedby={e?.key ? `bulk-key-${i}-error` : undefined}
                  onChange={(ev) => setRows(rows.map((r, j) => (j === i ? { ...r, key: ev.target.value } : r)))}
                  className="h-9 font-mono"
                />
                {e?.key && (
                  <p id={`bulk-key-${i}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
                    {e.key}
                  </p>
                )}
              </div>
              <div>
                <Input
                  aria-label={`Bulk tag value ${i + 1}`}
                  placeholder="Value"
                  value={row.value}
                  invalid={Boolean(e?.value)}
                  aria-describedby={e?.value ? `bulk-value-${i}-error` : undefined}
                  onChange={(ev) => setRows(rows.map((r, j) => (j === i ? { ...r, value: ev.target.value } : r)))}
                  className="h-9 font-mono"
                />
                {e?.value && (
                  <p id={`bulk-value-${i}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
                    {e.value}
                  </p>
                )}
              </div>
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove row ${i + 1}`}
                onClick={() => setRows(rows.length > 1 ? rows.filter((_, j) => j !== i) : [{ key: '', value: '' }])}
              >
                ✕
              </Button>
            </div>
          );
        })}
        <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { key: '', value: '' }])} disabled={rows.length >= MAX_TAGS}>
          Add row
        </Button>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="bulk-remove-keys" className="block text-sm font-medium">
          Remove tag keys
        </label>
        <Input
          id="bulk-remove-keys"
          value={removeText}
          onChange={(e) => setRemoveText(e.target.value)}
          placeholder="e.g. old-owner, temp"
          className="font-mono"
          aria-describedby={removeMessages.length ? 'bulk-remove-keys-hint bulk-remove-keys-error' : 'bulk-remove-keys-hint'}
          invalid={removeMessages.length > 0}
        />
        <p id="bulk-remove-keys-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
          Comma-separated. Channels without a key are left as they are.
        </p>
        {removeMessages.length > 0 && (
          <p id="bulk-remove-keys-error" role="alert" className="text-xs text-red-700 dark:text-red-400">
            {removeMessages.join(' ')}
          </p>
        )}
      </div>
      {attempted && empty && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Give at least one tag to add or one key to remove.
        </p>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {count} channel{count === 1 ? '' : 's'}. Each channel takes one IVS call per kind of change, paced to IVS’s 10 tag calls per second.
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">
          Apply to {count} channel{count === 1 ? '' : 's'}
        </Button>
      </div>
    </form>
  );
}
