'use client';

import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { issuesByPath, serverFieldErrors } from '@/components/forms/field-errors';
import { rowErrorsFromPaths, TagRowsInput } from '@/components/tag-editor/tag-rows-input';
import { Button, ButtonLink } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input, Select } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import {
  channelSettingsSchema,
  CONTAINER_FORMATS,
  createChannelSchema,
  isAdvancedType,
  LATENCY_MODES,
  PRESET_INFO,
  PRESETS,
  type CreateChannelInput,
} from '@/lib/ivs/schemas/channel';
import { AccessFields, MultitrackFields, TypePicker } from './channel-form-fields';
import { ReferencePickers, type RecordingOption, type PolicyOption } from './reference-pickers';

export type { RecordingOption, PolicyOption };

const TAGS_HINT = 'Up to 50. Keys 1–128 and values up to 256 characters; keys may not start with aws:.';

export interface ChannelFormProps {
  mode: 'create' | 'edit';
  initial: CreateChannelInput;
  recordingConfigurations: RecordingOption[];
  restrictionPolicies: PolicyOption[];
  adConfigurations: PolicyOption[];
  /** Why the pickers are empty, when listing them failed. */
  pickersError?: string;
  submit: (values: CreateChannelInput) => Promise<ActionResult<unknown>>;
  cancelHref: string;
  /** Shown at the top of the form (e.g. the live-channel notice on edit). */
  notice?: ReactNode;
  locked?: boolean;
}

/** Every CreateChannel/UpdateChannel field, validated as you type with the same zod schema the action enforces. */
export function ChannelForm({
  mode,
  initial,
  recordingConfigurations,
  restrictionPolicies,
  adConfigurations,
  pickersError,
  submit,
  cancelHref,
  notice,
  locked,
}: ChannelFormProps) {
  const [values, setValues] = useState<CreateChannelInput>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [server, setServer] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  // Marks the form interactive (hydrated), so tests and scripts do not type into server HTML.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute('data-ready', ''), []);

  const parsed = (mode === 'create' ? createChannelSchema : channelSettingsSchema).safeParse(values);
  const errors = { ...server, ...issuesByPath(parsed.error) };
  const show = (path: string) => submitted || touched.has(path) || touched.has(path.split('.')[0]) || path in server;
  const err = (path: string) => (show(path) ? errors[path] : undefined);

  const set = <K extends keyof CreateChannelInput>(key: K, value: CreateChannelInput[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      // A preset only exists on ADVANCED types; keep the request valid as the type changes.
      if (key === 'type') next.preset = isAdvancedType(String(value)) ? next.preset || 'HIGHER_BANDWIDTH_DELIVERY' : '';
      return next;
    });
    setTouched((t) => new Set(t).add(key));
    setServer((s) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key)));
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.success || locked) return;
    startTransition(async () => {
      const res = await submit(values);
      setResult(res);
      setServer(res.ok ? {} : serverFieldErrors(res.fieldErrors));
    });
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      ref={formRef}
      className="max-w-3xl space-y-6"
      aria-label={mode === 'create' ? 'Create channel' : 'Edit channel'}
    >
      {notice}
      <Field id="name" label="Name" error={err('name')} hint="Optional. Letters, digits, - and _; up to 128 characters.">
        <Input
          id="name"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          invalid={!!err('name')}
          aria-describedby={describedBy('name', err('name'), true)}
          autoComplete="off"
        />
      </Field>

      <TypePicker value={values.type} onChange={(t) => set('type', t)} error={err('type')} />

      {isAdvancedType(values.type) && (
        <Field id="preset" label="Transcode preset" error={err('preset')} hint={values.preset ? PRESET_INFO[values.preset] : undefined}>
          <Select
            id="preset"
            value={values.preset}
            onChange={(e) => set('preset', e.target.value as CreateChannelInput['preset'])}
            invalid={!!err('preset')}
            aria-describedby={describedBy('preset', err('preset'), !!values.preset)}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="latencyMode"
          label="Latency mode"
          error={err('latencyMode')}
          hint="LOW: near real-time (about 2–5 s). NORMAL: standard HLS latency, more buffering."
        >
          <Select
            id="latencyMode"
            value={values.latencyMode}
            onChange={(e) => set('latencyMode', e.target.value as CreateChannelInput['latencyMode'])}
            aria-describedby={describedBy('latencyMode', err('latencyMode'), true)}
          >
            {LATENCY_MODES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="containerFormat"
          label="Container format"
          error={err('containerFormat')}
          hint="TS (default) or FRAGMENTED_MP4 (needed for multitrack input)."
        >
          <Select
            id="containerFormat"
            value={values.containerFormat}
            onChange={(e) => set('containerFormat', e.target.value as CreateChannelInput['containerFormat'])}
            aria-describedby={describedBy('containerFormat', err('containerFormat'), true)}
          >
            {CONTAINER_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <MultitrackFields values={values} set={set} error={err('multitrackEnabled')} />
      <AccessFields values={values} set={set} />
      <ReferencePickers
        values={values}
        set={set}
        err={err}
        recordingConfigurations={recordingConfigurations}
        restrictionPolicies={restrictionPolicies}
        adConfigurations={adConfigurations}
        pickersError={pickersError}
      />

      {mode === 'create' && (
        <TagRowsInput
          id="channel-tags"
          hint={TAGS_HINT}
          rows={values.tags}
          onChange={(rows) => set('tags', rows)}
          rowErrors={rowErrorsFromPaths(values.tags.length, errors, 'tags.', show)}
          error={err('tags')}
        />
      )}

      {submitted && !parsed.success && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Some fields need attention (marked above).
        </p>
      )}
      <FormError result={result} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={pending} disabled={locked}>
          {mode === 'create' ? 'Create channel' : 'Save changes'}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
