'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { TagRowsInput } from '@/components/tag-editor/tag-rows-input';
import { Button, ButtonLink } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input, Select } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import {
  createRecordingConfigurationSchema,
  DEFAULT_RECORDING_CONFIGURATION,
  RENDITION_SELECTIONS,
  RESOLUTION_LABELS,
  RESOLUTIONS,
  THUMBNAIL_STORAGE,
} from '@/lib/ivs/schemas/recording-configuration';
import { createRecordingConfigurationAction } from '../actions';
import { useValidatedForm } from '@/components/forms/use-validated-form';

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
const num = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

const STORAGE_INFO = {
  SEQUENTIAL: 'Keep every thumbnail, in order, under media/thumbnails.',
  LATEST: 'Keep only the newest, overwritten at each interval (media/latest_thumbnail/thumb.jpg).',
};

export function RecordingConfigurationForm({ region }: { region: string }) {
  const router = useRouter();
  const form = useValidatedForm(createRecordingConfigurationSchema, DEFAULT_RECORDING_CONFIGURATION);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  // One id for everything this form submits: a second click or a retry is the same request.
  const [requestId] = useState(() => crypto.randomUUID());
  const v = form.values;
  const interval = v.thumbnailRecordingMode === 'INTERVAL';

  const submit = () => {
    const input = form.check();
    if (!input) return;
    startTransition(async () => {
      const res = await createRecordingConfigurationAction({ ...input, requestId });
      setResult(res);
      form.applyResult(res);
      if (res.ok) {
        toast('Recording configuration created; IVS is checking the bucket.', { tone: 'success' });
        router.push(`/recording-configurations/${res.data.id}`);
      }
    });
  };

  const bucketHint = `The bucket must already exist in ${region}, the region this configuration is created in; IVS cannot record to a bucket in another region.`;
  const e = (field: Parameters<typeof form.error>[0]) => form.error(field);

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
      <Field id="rc-name" label="Name (optional)" error={e('name')}>
        <Input
          id="rc-name"
          value={v.name}
          invalid={!!e('name')}
          aria-describedby={describedBy('rc-name', e('name'))}
          onChange={(ev) => form.set('name', ev.target.value)}
          onBlur={() => form.touch('name')}
        />
      </Field>
      <Field id="rc-bucket" label="S3 bucket" error={e('bucketName')} hint={bucketHint}>
        <Input
          id="rc-bucket"
          value={v.bucketName}
          invalid={!!e('bucketName')}
          aria-describedby={describedBy('rc-bucket', e('bucketName'), bucketHint)}
          onChange={(ev) => form.set('bucketName', ev.target.value)}
          onBlur={() => form.touch('bucketName')}
          spellCheck={false}
          autoCapitalize="none"
        />
      </Field>
      <Field
        id="rc-reconnect"
        label="Recording reconnect window (seconds)"
        error={e('recordingReconnectWindowSeconds')}
        hint="If a broadcast reconnects within this time, IVS merges it into the same recording. 0–300; 0 turns merging off."
      >
        <Input
          id="rc-reconnect"
          type="number"
          min={0}
          max={300}
          className="max-w-40"
          value={Number.isNaN(v.recordingReconnectWindowSeconds) ? '' : v.recordingReconnectWindowSeconds}
          invalid={!!e('recordingReconnectWindowSeconds')}
          aria-describedby={describedBy('rc-reconnect', e('recordingReconnectWindowSeconds'), 'hint')}
          onChange={(ev) => form.set('recordingReconnectWindowSeconds', num(ev.target.value))}
          onBlur={() => form.touch('recordingReconnectWindowSeconds')}
        />
      </Field>

      <fieldset className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">Thumbnails</legend>
        <Field id="rc-thumb-mode" label="Thumbnail recording">
          <Select
            id="rc-thumb-mode"
            className="max-w-56"
            value={v.thumbnailRecordingMode}
            onChange={(ev) => form.set('thumbnailRecordingMode', ev.target.value as 'INTERVAL' | 'DISABLED')}
          >
            <option value="INTERVAL">Record at an interval</option>
            <option value="DISABLED">Do not record thumbnails</option>
          </Select>
        </Field>
        {interval && (
          <>
            <Field
              id="rc-thumb-interval"
              label="Interval (seconds)"
              error={e('thumbnailIntervalSeconds')}
              hint="1–60. Thumbnails come at this interval only if the encoder's keyframe interval is shorter."
            >
              <Input
                id="rc-thumb-interval"
                type="number"
                min={1}
                max={60}
                className="max-w-40"
                value={Number.isNaN(v.thumbnailIntervalSeconds) ? '' : v.thumbnailIntervalSeconds}
                invalid={!!e('thumbnailIntervalSeconds')}
                aria-describedby={describedBy('rc-thumb-interval', e('thumbnailIntervalSeconds'), 'hint')}
                onChange={(ev) => form.set('thumbnailIntervalSeconds', num(ev.target.value))}
                onBlur={() => form.touch('thumbnailIntervalSeconds')}
              />
            </Field>
            <Field
              id="rc-thumb-resolution"
              label="Resolution"
              hint="Used when that rendition exists during the stream; otherwise the source resolution."
            >
              <Select
                id="rc-thumb-resolution"
                className="max-w-56"
                value={v.thumbnailResolution}
                aria-describedby="rc-thumb-resolution-hint"
                onChange={(ev) => form.set('thumbnailResolution', ev.target.value as typeof v.thumbnailResolution)}
              >
                <option value="">Source resolution</option>
                {RESOLUTIONS.map((r) => (
                  <option key={r} value={r}>
                    {RESOLUTION_LABELS[r]}
                  </option>
                ))}
              </Select>
            </Field>
            <fieldset className="space-y-2" aria-describedby={e('thumbnailStorage') ? 'rc-thumb-storage-error' : undefined}>
              <legend className="mb-1 text-sm font-medium">Storage</legend>
              {THUMBNAIL_STORAGE.map((s) => (
                <Checkbox
                  key={s}
                  id={`rc-storage-${s}`}
                  label={s}
                  description={STORAGE_INFO[s]}
                  checked={v.thumbnailStorage.includes(s)}
                  onChange={(ev) => {
                    form.set('thumbnailStorage', toggle(v.thumbnailStorage, s, ev.target.checked));
                    form.touch('thumbnailStorage');
                  }}
                />
              ))}
              {e('thumbnailStorage') && (
                <p id="rc-thumb-storage-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {e('thumbnailStorage')}
                </p>
              )}
            </fieldset>
          </>
        )}
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">Renditions</legend>
        <Field
          id="rc-rendition"
          label="Renditions to record"
          hint="ALL records every rendition, NONE only the source, CUSTOM the ones you choose (no effect on BASIC channels)."
        >
          <Select
            id="rc-rendition"
            className="max-w-56"
            value={v.renditionSelection}
            aria-describedby="rc-rendition-hint"
            onChange={(ev) => {
              const selection = ev.target.value as (typeof RENDITION_SELECTIONS)[number];
              form.set('renditionSelection', selection);
              if (selection !== 'CUSTOM') form.set('renditions', []);
            }}
          >
            {RENDITION_SELECTIONS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        {v.renditionSelection === 'CUSTOM' && (
          <fieldset className="space-y-2" aria-describedby={e('renditions') ? 'rc-renditions-error' : undefined}>
            <legend className="mb-1 text-sm font-medium">Renditions</legend>
            {RESOLUTIONS.map((r) => (
              <Checkbox
                key={r}
                id={`rc-rendition-${r}`}
                label={RESOLUTION_LABELS[r]}
                checked={v.renditions.includes(r)}
                onChange={(ev) => {
                  form.set('renditions', toggle(v.renditions, r, ev.target.checked));
                  form.touch('renditions');
                }}
              />
            ))}
            {e('renditions') && (
              <p id="rc-renditions-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
                {e('renditions')}
              </p>
            )}
          </fieldset>
        )}
      </fieldset>

      <TagRowsInput
        id="rc-tags"
        rows={v.tags}
        onChange={(rows) => {
          form.set('tags', rows);
          form.touch('tags');
        }}
        error={e('tags')}
      />

      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Create recording configuration
        </Button>
        <ButtonLink href="/recording-configurations">Cancel</ButtonLink>
      </div>
    </form>
  );
}
