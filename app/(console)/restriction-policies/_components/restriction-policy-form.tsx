'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { CountryPicker } from '@/components/country-picker/country-picker';
import { TagRowsInput } from '@/components/tag-editor/tag-rows-input';
import { Button, ButtonLink } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { createRestrictionPolicySchema } from '@/lib/ivs/schemas/restriction-policy';
import { useValidatedForm } from '@/components/forms/use-validated-form';
import { createRestrictionPolicyAction, updateRestrictionPolicyAction } from '../actions';
import { OriginsField } from './origins-field';

export interface PolicyFormValues {
  name: string;
  allowedCountries: string[];
  allowedOrigins: string[];
  enableStrictOriginEnforcement: boolean;
}

const EMPTY: PolicyFormValues = { name: '', allowedCountries: [], allowedOrigins: [], enableStrictOriginEnforcement: false };

/** Create (no `arn`) or edit (UpdatePlaybackRestrictionPolicy) a policy; tags only at creation. */
export function RestrictionPolicyForm({ arn, id, initial = EMPTY }: { arn?: string; id?: string; initial?: PolicyFormValues }) {
  const router = useRouter();
  const editing = !!arn;
  // One schema for both: the edit form just never shows tags (the TagEditor manages them on the detail page).
  const form = useValidatedForm(createRestrictionPolicySchema, { ...initial, tags: [] });
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  // One id for everything this form creates: a second click or a retry is the same request.
  const [requestId] = useState(() => crypto.randomUUID());
  const v = form.values;
  const e = form.error;

  const submit = () => {
    const input = form.check();
    if (!input) return;
    startTransition(async () => {
      const { tags, ...settings } = input;
      const res = editing
        ? await updateRestrictionPolicyAction({ arn, ...settings })
        : await createRestrictionPolicyAction({ ...settings, tags, requestId });
      setResult(res);
      form.applyResult(res);
      if (res.ok) {
        toast(editing ? 'Restriction policy saved.' : 'Restriction policy created.', { tone: 'success' });
        router.push(`/restriction-policies/${res.data.id}`);
        router.refresh();
      }
    });
  };

  const strictHelp =
    'Constrain channel playback to the allowed origins. Without it the origin list acts through CORS, which only ' +
    'browsers enforce; with it, IVS itself refuses playback requested from other origins.';

  return (
    <form
      noValidate
      className="max-w-2xl space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError result={result} />
      <Field id="rp-name" label="Name (optional)" error={e('name')}>
        <Input
          id="rp-name"
          value={v.name}
          invalid={!!e('name')}
          aria-describedby={describedBy('rp-name', e('name'))}
          onChange={(ev) => form.set('name', ev.target.value)}
          onBlur={() => form.touch('name')}
        />
      </Field>
      <Field
        id="rp-countries"
        label="Allowed countries"
        error={e('allowedCountries')}
        hint="Viewers outside these countries cannot play channels using this policy. Leave empty to allow every country."
      >
        <CountryPicker
          id="rp-countries"
          value={v.allowedCountries}
          invalid={!!e('allowedCountries')}
          describedBy={describedBy('rp-countries', e('allowedCountries'), 'hint')}
          onChange={(codes) => {
            form.set('allowedCountries', codes);
            form.touch('allowedCountries');
          }}
        />
      </Field>
      <OriginsField
        value={v.allowedOrigins}
        error={e('allowedOrigins')}
        onChange={(origins) => form.set('allowedOrigins', origins)}
        onBlur={() => form.touch('allowedOrigins')}
      />
      <Checkbox
        id="rp-strict"
        label="Strict origin enforcement"
        description={strictHelp}
        checked={v.enableStrictOriginEnforcement}
        onChange={(ev) => form.set('enableStrictOriginEnforcement', ev.target.checked)}
      />
      {!editing && (
        <TagRowsInput
          id="rp-tags"
          rows={v.tags}
          onChange={(rows) => {
            form.set('tags', rows);
            form.touch('tags');
          }}
          error={e('tags')}
        />
      )}
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          {editing ? 'Save changes' : 'Create restriction policy'}
        </Button>
        <ButtonLink href={editing ? `/restriction-policies/${id}` : '/restriction-policies'}>Cancel</ButtonLink>
      </div>
    </form>
  );
}
