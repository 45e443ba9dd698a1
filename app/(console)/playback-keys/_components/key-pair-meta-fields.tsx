'use client';

import { describedBy, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { TagRows, type TagRow } from './tag-rows';

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
  const rowErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('tags.'))
      .map(([k, m]) => [k.slice('tags.'.length), m]),
  );
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
      <TagRows rows={props.tags} onChange={props.onTags} errors={rowErrors} />
      {errors.tags && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.tags}
        </p>
      )}
    </>
  );
}
