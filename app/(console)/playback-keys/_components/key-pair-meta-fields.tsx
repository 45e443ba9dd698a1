'use client';

import { rowErrorsFromPaths, TagRowsInput, type TagRow } from '@/components/tag-editor/tag-rows-input';
import { describedBy, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

const NAME_HINT = 'Letters, digits, - and _; up to 128 characters.';

/** Name and tags of a key pair, shared by Import and Generate. `errors` is keyed by path ('name', 'tags.0.key'). */
export function KeyPairMetaFields(props: {
  name: string;
  onName: (v: string) => void;
  tags: TagRow[];
  onTags: (v: TagRow[]) => void;
  errors: Record<string, string>;
}) {
  const { errors } = props;
  return (
    <>
      <Field id="name" label="Name (optional)" error={errors.name} hint={NAME_HINT}>
        <Input
          id="name"
          value={props.name}
          onChange={(e) => props.onName(e.target.value)}
          invalid={!!errors.name}
          aria-describedby={describedBy('name', errors.name, NAME_HINT)}
          autoComplete="off"
        />
      </Field>
      <TagRowsInput
        id="key-pair-tags"
        legend="Tags (optional)"
        rows={props.tags}
        onChange={props.onTags}
        rowErrors={rowErrorsFromPaths(props.tags.length, errors)}
        error={errors.tags}
      />
    </>
  );
}
