import * as z from '@/lib/zod';
import { ARN_KINDS } from '@/lib/ivs/arn';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { MAX_TAG_KEY, MAX_TAG_VALUE, MAX_TAGS, type RowErrors, type TagRow } from '@/lib/ivs/tag-rows';

// Tag rules from the IVS model (TagKey 1..128, TagValue 0..256, both [\p{L}\p{Z}\p{N}_.:/=+\-@],
// Tags map 0..50, TagKeyList 0..50) plus the AWS-wide rule that keys starting with aws: are reserved.
// Client-safe: the tag editor, the create forms and the actions all share these.

export {
  MAX_TAG_KEY,
  MAX_TAG_VALUE,
  MAX_TAGS,
  diffTags,
  saveOrder,
  tagsToRows,
  type RowErrors,
  type TagDiff,
  type TagRow,
} from '@/lib/ivs/tag-rows';
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export const tagKeySchema = z.string().check(
  z.minLength(1, 'A tag needs a key.'),
  z.maxLength(MAX_TAG_KEY, `Tag keys are at most ${MAX_TAG_KEY} characters.`),
  z.regex(TAG_CHARS, 'Tag keys use letters, digits, spaces and _ . : / = + - @ only.'),
  z.refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys beginning with aws: are reserved for AWS.'),
);

export const tagValueSchema = z
  .string()
  .check(
    z.maxLength(MAX_TAG_VALUE, `Tag values are at most ${MAX_TAG_VALUE} characters.`),
    z.regex(TAG_CHARS, 'Tag values use letters, digits, spaces and _ . : / = + - @ only.'),
  );

export const tagRowSchema = z.object({ key: tagKeySchema, value: tagValueSchema });

/** A list of key/value rows (the create forms): at most 50, no key twice. `noun` names the resource in the message. */
export function tagRowsSchemaFor(noun = 'resource') {
  return z.array(tagRowSchema).check(z.maxLength(MAX_TAGS, `A ${noun} can have at most ${MAX_TAGS} tags.`), noKeyTwice);
}

const noKeyTwice = z.superRefine((rows: TagRow[], ctx) => {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.key)) ctx.addIssue({ code: 'custom', message: `Tag key "${row.key}" is used twice.`, path: [i, 'key'] });
    seen.add(row.key);
  });
});

/** The resources IVS tags (ResourceArn; the model's own pattern is broken, see DIGEST §4). */
export const taggableArnSchema = arnSchema(ARN_KINDS, { message: 'Not a taggable IVS resource ARN.' });

/**
 * The tags one TagResource call sets, as rows, turned into the map IVS takes. Rows, not a map: React's
 * server-action decoding deletes a `__proto__` key from every object it receives (a guard against
 * prototype pollution), so `{ __proto__: 'x' }` arrived as {} and was refused as "Give at least one
 * tag", though IVS's TagKey pattern accepts that key. As a row's `key` it is a string like any other.
 * The map is built with Object.fromEntries, which keeps every key as its own property (assignment,
 * `map['__proto__'] = v`, would set a prototype instead).
 */
export const tagsToSetSchema = z.pipe(
  z
    .array(tagRowSchema)
    .check(z.minLength(1, 'Give at least one tag.'), z.maxLength(MAX_TAGS, `At most ${MAX_TAGS} tags per call.`), noKeyTwice),
  z.transform((rows: TagRow[]): Record<string, string> => Object.fromEntries(rows.map((r) => [r.key, r.value]))),
);

export const tagKeyListSchema = z
  .array(tagKeySchema)
  .check(z.minLength(1, 'Give at least one tag key.'), z.maxLength(MAX_TAGS, `At most ${MAX_TAGS} keys per call.`));

// Action inputs: one IVS call each, so a caller (the editor, the bulk queue) knows exactly what was saved.
export const tagResourceSchema = z.object({ resourceArn: taggableArnSchema, tags: tagsToSetSchema });
export const untagResourceSchema = z.object({ resourceArn: taggableArnSchema, tagKeys: tagKeyListSchema });
export type TagResourceInput = z.input<typeof tagResourceSchema>;
export type UntagResourceInput = z.infer<typeof untagResourceSchema>;

/** Per-row messages for the editor, shown before saving; `list` is for the whole set (too many rows). */
export function validateTagRows(rows: TagRow[]): { rows: RowErrors[]; list?: string; valid: boolean } {
  const counts = new Map<string, number>();
  rows.forEach((r) => counts.set(r.key, (counts.get(r.key) ?? 0) + 1));
  const out = rows.map((row): RowErrors => {
    const errors: RowErrors = {};
    const key = tagKeySchema.safeParse(row.key);
    if (!key.success) errors.key = key.error.issues[0]?.message;
    else if ((counts.get(row.key) ?? 0) > 1) errors.key = `Tag key "${row.key}" is used twice.`;
    const value = tagValueSchema.safeParse(row.value);
    if (!value.success) errors.value = value.error.issues[0]?.message;
    return errors;
  });
  const list = rows.length > MAX_TAGS ? `A resource can have at most ${MAX_TAGS} tags (${rows.length} here).` : undefined;
  return { rows: out, list, valid: !list && out.every((e) => !e.key && !e.value) };
}
