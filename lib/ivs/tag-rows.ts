// Tag rows as the editors hold them, and the diff a save sends, without zod: the channel page shows
// two tag editors on first load, and importing these from ./schemas/tags would bring zod (~15 KB gzipped)
// into that page before anyone edits a tag. The checks themselves stay in ./schemas/tags, loaded when
// an editor is first used; that module re-exports all of this.

export const MAX_TAGS = 50;
export const MAX_TAG_KEY = 128;
export const MAX_TAG_VALUE = 256;

export interface TagRow {
  key: string;
  value: string;
}

export interface RowErrors {
  key?: string;
  value?: string;
}

export interface TagDiff {
  /** Added or changed keys, with their new values (one TagResource call). */
  set: Record<string, string>;
  /** Keys to remove (one UntagResource call). */
  remove: string[];
}

/** What must change to go from `before` to `rows`: only the difference is sent to IVS. */
export function diffTags(before: Record<string, string>, rows: TagRow[]): TagDiff {
  const after = new Map(rows.map((r) => [r.key, r.value]));
  // fromEntries, not `set[k] = v`: a `__proto__` key would set a prototype instead (see tagsToSetSchema).
  const set: Record<string, string> = Object.fromEntries([...after].filter(([k, v]) => !Object.hasOwn(before, k) || before[k] !== v));
  const remove = Object.keys(before).filter((k) => !after.has(k));
  return { set, remove };
}

/**
 * The order of the two calls. Tag first, so a failed untag never loses a value the user meant to keep;
 * but untag first when adding first would pass IVS's 50-tag limit on the way.
 */
export function saveOrder(before: Record<string, string>, diff: TagDiff): ('set' | 'remove')[] {
  const steps: ('set' | 'remove')[] = [];
  const hasSet = Object.keys(diff.set).length > 0;
  const hasRemove = diff.remove.length > 0;
  const added = Object.keys(diff.set).filter((k) => !Object.hasOwn(before, k)).length;
  const untagFirst = Object.keys(before).length + added > MAX_TAGS;
  if (hasRemove && untagFirst) steps.push('remove');
  if (hasSet) steps.push('set');
  if (hasRemove && !untagFirst) steps.push('remove');
  return steps;
}

/** Rows for the editor from an IVS tag map, sorted by key so the order is stable between reloads. */
export const tagsToRows = (tags: Record<string, string>): TagRow[] =>
  Object.entries(tags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
