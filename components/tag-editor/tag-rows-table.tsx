'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { RowErrors, TagRow } from '@/lib/ivs/tag-rows';

export interface EditorRow extends TagRow {
  /** Stable React key while the user edits the tag key itself. */
  rowId: number;
}

interface Props {
  /** Unique per editor (a page can show two). */
  idPrefix: string;
  /** What one row is called ("tag", "stream key tag"): a page with two editors needs distinct field names. */
  rowNoun?: string;
  disabled: boolean;
  rows: EditorRow[];
  /** What IVS has now: decides each row's New / Changed / Not saved mark. */
  saved: Record<string, string>;
  errors: RowErrors[];
  showError: (row: EditorRow) => boolean;
  /** Set after a failed TagResource: rows that differ from `saved` are marked with it. */
  notSavedReason?: string;
  onChange: (rowId: number, patch: Partial<TagRow>) => void;
  onBlur: (rowId: number) => void;
  onRemove: (rowId: number) => void;
}

function mark(row: EditorRow, saved: Record<string, string>, notSaved?: string) {
  if (saved[row.key] === row.value) return null;
  if (notSaved)
    return (
      <Badge tone="red" title={notSaved}>
        Not saved
      </Badge>
    );
  return row.key in saved ? <Badge tone="yellow">Changed</Badge> : <Badge tone="blue">New</Badge>;
}

/** One line per tag: key and value inputs with their own error messages, and a remove button. */
export function TagRowsTable({
  idPrefix,
  rowNoun = 'tag',
  disabled,
  rows,
  saved,
  errors,
  showError,
  notSavedReason,
  onChange,
  onBlur,
  onRemove,
}: Props) {
  const noun = rowNoun.charAt(0).toUpperCase() + rowNoun.slice(1);
  if (rows.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">No tags. Add one to label this resource for billing, search or automation.</p>
    );
  return (
    <ul aria-label={`${noun}s`} className="space-y-2">
      {rows.map((row, i) => {
        const e = showError(row) ? errors[i] : undefined;
        const keyId = `${idPrefix}-${row.rowId}-key`;
        const valueId = `${idPrefix}-${row.rowId}-value`;
        return (
          <li key={row.rowId} className="grid grid-cols-1 items-start gap-2 sm:grid-cols-[1fr_1.5fr_auto_auto]" data-tag-row={row.key}>
            <div>
              <Input
                id={keyId}
                aria-label={`${noun} key ${i + 1}`}
                placeholder="Key"
                value={row.key}
                disabled={disabled}
                invalid={Boolean(e?.key)}
                aria-describedby={e?.key ? `${keyId}-error` : undefined}
                onChange={(ev) => onChange(row.rowId, { key: ev.target.value })}
                onBlur={() => onBlur(row.rowId)}
                className="h-9 font-mono"
              />
              {e?.key && (
                <p id={`${keyId}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
                  {e.key}
                </p>
              )}
            </div>
            <div>
              <Input
                id={valueId}
                aria-label={`${noun} value ${i + 1}`}
                placeholder="Value (optional)"
                value={row.value}
                disabled={disabled}
                invalid={Boolean(e?.value)}
                aria-describedby={e?.value ? `${valueId}-error` : undefined}
                onChange={(ev) => onChange(row.rowId, { value: ev.target.value })}
                onBlur={() => onBlur(row.rowId)}
                className="h-9 font-mono"
              />
              {e?.value && (
                <p id={`${valueId}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
                  {e.value}
                </p>
              )}
            </div>
            <div className="flex h-9 items-center">{mark(row, saved, notSavedReason)}</div>
            <Button
              variant="ghost"
              size="sm"
              disabled={disabled}
              onClick={() => onRemove(row.rowId)}
              aria-label={`Remove ${rowNoun} ${row.key || i + 1}`}
            >
              Remove
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
