'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import { useHydrated } from '@/components/ui/use-hydrated';
import { toast } from '@/components/ui/toast';
import { diffTags, MAX_TAGS, saveOrder, tagsToRows } from '@/lib/ivs/tag-rows';
import { tagResourceAction, untagResourceAction } from './actions';
import { ReadOnlyTags } from './read-only-tags';
import { TagRowsTable, type EditorRow } from './tag-rows-table';

export interface TagEditorProps {
  resourceArn: string;
  tags: Record<string, string>;
  canEdit: boolean;
  /** The section heading (and landmark name); "Tags" unless a page shows two editors. */
  title?: string;
  /** What one row is called on the buttons ("Add tag", "Save tags"); a second editor on the page needs its own ("stream key tag"). */
  rowNoun?: string;
}

interface SaveErrors {
  set?: string;
  remove?: string;
}

// Row ids count from 0 in each editor, so the server render and hydration agree.
const toEditorRows = (tags: Record<string, string>): EditorRow[] => tagsToRows(tags).map((r, rowId) => ({ ...r, rowId }));
const nextRowId = (rows: EditorRow[]) => rows.reduce((max, r) => Math.max(max, r.rowId), -1) + 1;
// The tag checks (zod) load on the first edit: most visits to a page with an editor never change a tag.
const loadTagChecks = () => import('@/lib/ivs/schemas/tags');
// Until then no row shows an error: the rows are the saved tags, which IVS accepted.
const NOT_CHECKED_YET = { rows: [], list: undefined, valid: true };

/**
 * Tags of one IVS resource: add, edit and remove rows, checked against the model as you type, saved
 * as the difference only (TagResource for added/changed keys, UntagResource for removed ones). When a
 * call fails, the editor keeps the draft and marks what IVS has and what it does not.
 */
export function TagEditor({ resourceArn, tags, canEdit, title = 'Tags', rowNoun = 'tag' }: TagEditorProps) {
  const router = useRouter();
  const [saved, setSaved] = useState<Record<string, string>>(tags);
  const [rows, setRows] = useState<EditorRow[]>(() => toEditorRows(tags));
  const hydrated = useHydrated();
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [errors, setErrors] = useState<SaveErrors>({});
  const [pending, setPending] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  const checks = useLazyModule(loadTagChecks);
  const validation = useMemo(() => checks.loaded?.validateTagRows(rows) ?? NOT_CHECKED_YET, [checks.loaded, rows]);
  const diff = useMemo(() => diffTags(saved, rows), [saved, rows]);
  const changes = Object.keys(diff.set).length + diff.remove.length;

  if (!canEdit) return <ReadOnlyTags tags={tags} title={title} />;

  const edited = () => void checks.load().catch(() => undefined);
  const change = (rowId: number, patch: Partial<EditorRow>) => {
    edited();
    setRows((rs) => rs.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  };
  const remove = (rowId: number) => {
    edited();
    setRows((rs) => rs.filter((r) => r.rowId !== rowId));
    addRef.current?.focus();
  };
  const add = () => {
    edited();
    setRows((rs) => [...rs, { key: '', value: '', rowId: nextRowId(rs) }]);
  };
  const discard = () => {
    setRows(toEditorRows(saved));
    setTouched(new Set());
    setAttempted(false);
    setErrors({});
  };

  async function save() {
    setAttempted(true);
    const tagChecks = await checks.load().catch(() => null);
    if (!tagChecks) {
      setErrors({ set: 'The console could not load the tag checks. Nothing was sent; try again.' });
      return;
    }
    if (!tagChecks.validateTagRows(rows).valid || changes === 0) return;
    setPending(true);
    const next: SaveErrors = {};
    let current = saved;
    for (const step of saveOrder(saved, diff)) {
      const result =
        step === 'set'
          ? await tagResourceAction({ resourceArn, tags: tagsToRows(diff.set) }).catch(() => null)
          : await untagResourceAction({ resourceArn, tagKeys: diff.remove }).catch(() => null);
      if (result?.ok) {
        current =
          step === 'set'
            ? { ...current, ...diff.set }
            : Object.fromEntries(Object.entries(current).filter(([k]) => !diff.remove.includes(k)));
      } else {
        next[step] = result ? result.error : 'The console could not reach the server. Nothing more was sent.';
      }
    }
    setSaved(current);
    setErrors(next);
    setPending(false);
    if (!next.set && !next.remove) {
      setTouched(new Set());
      setAttempted(false);
      toast('Tags saved.', { tone: 'success' });
      router.refresh();
    }
  }

  const stillOnResource = Object.keys(saved).filter((k) => !rows.some((r) => r.key === k));
  const failed = Boolean(errors.set || errors.remove);

  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {rows.length} of {MAX_TAGS}. Keys 1–128 and values 0–256 characters: letters, digits, spaces and _ . : / = + - @; keys may not
          start with aws:.
        </p>
      </div>
      <TagRowsTable
        idPrefix={headingId}
        rowNoun={rowNoun}
        disabled={!hydrated || pending}
        rows={rows}
        saved={saved}
        errors={validation.rows}
        showError={(row) => attempted || touched.has(row.rowId)}
        notSavedReason={failed ? errors.set : undefined}
        onChange={change}
        onBlur={(rowId) => setTouched((t) => new Set(t).add(rowId))}
        onRemove={remove}
      />
      {(attempted || rows.length > MAX_TAGS) && validation.list && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {validation.list}
        </p>
      )}
      {failed && (
        <div role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200">
          <p className="font-medium">Some changes were not saved. The rows marked “Not saved” are not in IVS yet.</p>
          {errors.set && <p>Adding or changing tags failed: {errors.set}</p>}
          {errors.remove && (
            <p>
              Removing {stillOnResource.map((k) => `“${k}”`).join(', ')} failed, so {stillOnResource.length === 1 ? 'it is' : 'they are'}{' '}
              still on the resource: {errors.remove}
            </p>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button ref={addRef} variant="secondary" size="sm" onClick={add} disabled={!hydrated || rows.length >= MAX_TAGS}>
          Add {rowNoun}
        </Button>
        <Button size="sm" onClick={() => void save()} pending={pending} disabled={!hydrated || changes === 0}>
          Save {rowNoun}s
        </Button>
        {changes > 0 && (
          <>
            <Button variant="ghost" size="sm" onClick={discard} disabled={pending}>
              Discard changes
            </Button>
            <span className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
              Unsaved: {Object.keys(diff.set).length} to add or change, {diff.remove.length} to remove
            </span>
          </>
        )}
      </div>
    </section>
  );
}
