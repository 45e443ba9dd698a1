'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { TagRowsInput } from '@/components/tag-editor/tag-rows-input';
import { Button, ButtonLink } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import {
  AD_DURATION_MAX,
  AD_DURATION_MIN,
  createAdConfigurationSchema,
  DEFAULT_AD_CONFIGURATION,
  MAX_PLAYBACK_CONFIGURATIONS,
  type CreateAdConfigurationInput,
} from '@/lib/ivs/schemas/ad-configuration';
import { createAdConfigurationAction, updateAdConfigurationAction } from '../actions';
import { useValidatedForm } from '@/components/forms/use-validated-form';

const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

/** Create (no `arn`) or edit (`arn` and the current settings); tags are edited on the detail page. */
export function AdConfigurationForm({ arn, initial }: { arn?: string; initial?: CreateAdConfigurationInput }) {
  const router = useRouter();
  const form = useValidatedForm(createAdConfigurationSchema, initial ?? DEFAULT_AD_CONFIGURATION);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  // One id for everything this form submits: a second click or a retry is the same request.
  const [requestId] = useState(() => crypto.randomUUID());
  const v = form.values;
  const arns = v.playbackConfigurationArns;
  const e = (field: Parameters<typeof form.error>[0]) => form.error(field);
  const setArns = (next: string[]) => {
    form.set('playbackConfigurationArns', next);
    form.touch('playbackConfigurationArns');
  };

  const submit = () => {
    const input = form.check();
    if (!input) return;
    startTransition(async () => {
      const { tags, ...settings } = input;
      const res = arn
        ? await updateAdConfigurationAction({ arn, ...settings })
        : await createAdConfigurationAction({ ...input, tags, requestId });
      setResult(res);
      form.applyResult(res);
      if (res.ok) {
        toast(arn ? 'Ad configuration saved.' : 'Ad configuration created.', { tone: 'success' });
        router.push(`/ad-configurations/${res.data.id}`);
      }
    });
  };

  const arnHint = `1 to ${MAX_PLAYBACK_CONFIGURATIONS} AWS Elemental MediaTailor playback configurations, e.g. arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/my-config.`;
  const durationHint = `${AD_DURATION_MIN}–${AD_DURATION_MAX} seconds of ads after each stream ends.`;

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
      <Field id="ac-name" label="Name (optional)" error={e('name')}>
        <Input
          id="ac-name"
          value={v.name}
          invalid={!!e('name')}
          aria-describedby={describedBy('ac-name', e('name'))}
          onChange={(ev) => form.set('name', ev.target.value)}
          onBlur={() => form.touch('name')}
        />
      </Field>

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">MediaTailor playback configurations</legend>
        <p id="ac-pc-hint" className="text-sm text-zinc-600 dark:text-zinc-400">
          {arnHint}
        </p>
        {arns.map((value, i) => (
          <div key={i} className="flex gap-2">
            <Input
              aria-label={`Playback configuration ${i + 1} ARN`}
              value={value}
              invalid={!!e('playbackConfigurationArns')}
              aria-describedby={describedBy('ac-pc', e('playbackConfigurationArns'), arnHint)}
              spellCheck={false}
              autoCapitalize="none"
              onChange={(ev) =>
                form.set(
                  'playbackConfigurationArns',
                  arns.map((a, j) => (j === i ? ev.target.value : a)),
                )
              }
              onBlur={() => form.touch('playbackConfigurationArns')}
            />
            {arns.length > 1 && (
              <Button type="button" variant="secondary" onClick={() => setArns(arns.filter((_, j) => j !== i))}>
                Remove
              </Button>
            )}
          </div>
        ))}
        {arns.length < MAX_PLAYBACK_CONFIGURATIONS && (
          <Button type="button" variant="secondary" onClick={() => setArns([...arns, ''])}>
            Add playback configuration
          </Button>
        )}
        {e('playbackConfigurationArns') && (
          <p id="ac-pc-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
            {e('playbackConfigurationArns')}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">Post-roll</legend>
        <Checkbox
          id="ac-postroll"
          label="Play ads after the stream ends"
          checked={v.postRollEnabled}
          onChange={(ev) => form.set('postRollEnabled', ev.target.checked)}
        />
        <Field id="ac-postroll-duration" label="Post-roll duration (seconds)" error={e('postRollDurationSeconds')} hint={durationHint}>
          <Input
            id="ac-postroll-duration"
            type="number"
            min={AD_DURATION_MIN}
            max={AD_DURATION_MAX}
            className="max-w-40"
            value={Number.isNaN(v.postRollDurationSeconds) ? '' : v.postRollDurationSeconds}
            invalid={!!e('postRollDurationSeconds')}
            aria-describedby={describedBy('ac-postroll-duration', e('postRollDurationSeconds'), 'hint')}
            onChange={(ev) => form.set('postRollDurationSeconds', num(ev.target.value))}
            onBlur={() => form.touch('postRollDurationSeconds')}
          />
        </Field>
      </fieldset>

      {!arn && (
        <TagRowsInput
          id="ac-tags"
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
          {arn ? 'Save ad configuration' : 'Create ad configuration'}
        </Button>
        <ButtonLink href="/ad-configurations">Cancel</ButtonLink>
      </div>
    </form>
  );
}
