'use client';

import { Checkbox } from '@/components/ui/checkbox';
import { describedBy, Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import {
  CHANNEL_TYPE_INFO,
  CHANNEL_TYPES,
  MULTITRACK_POLICIES,
  MULTITRACK_RESOLUTIONS,
  type ChannelType,
  type CreateChannelInput,
} from '@/lib/ivs/schemas/channel';

type Setter = <K extends keyof CreateChannelInput>(key: K, value: CreateChannelInput[K]) => void;

/** The channel type as radio cards, each saying what the type does. */
export function TypePicker({ value, onChange, error }: { value: ChannelType; onChange: (t: ChannelType) => void; error?: string }) {
  return (
    <fieldset aria-describedby={error ? 'type-error' : undefined}>
      <legend className="mb-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">Channel type</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {CHANNEL_TYPES.map((t) => (
          <label
            key={t}
            className="flex cursor-pointer gap-3 rounded-lg border border-zinc-300 p-3 text-sm has-checked:border-blue-600 has-checked:bg-blue-50 dark:border-zinc-700 dark:has-checked:border-blue-400 dark:has-checked:bg-blue-950/40"
          >
            <input
              type="radio"
              name="type"
              value={t}
              checked={value === t}
              onChange={() => onChange(t)}
              className="mt-0.5 accent-blue-600"
              aria-describedby={`type-${t}-info`}
            />
            <span>
              <span className="block font-medium">{t}</span>
              <span id={`type-${t}-info`} className="block text-xs text-zinc-600 dark:text-zinc-400">
                {CHANNEL_TYPE_INFO[t]}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="type-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Multitrack input: offered only where IVS allows it (STANDARD + FRAGMENTED_MP4). */
export function MultitrackFields({ values, set, error }: { values: CreateChannelInput; set: Setter; error?: string }) {
  const allowed = values.type === 'STANDARD' && values.containerFormat === 'FRAGMENTED_MP4';
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <Checkbox
        id="multitrackEnabled"
        label="Multitrack input"
        description={
          allowed
            ? 'The encoder sends several renditions itself (e.g. OBS multitrack); IVS passes them through.'
            : 'Available on STANDARD channels with the FRAGMENTED_MP4 container format.'
        }
        checked={values.multitrackEnabled}
        disabled={!allowed && !values.multitrackEnabled}
        onChange={(e) => set('multitrackEnabled', e.target.checked)}
        aria-invalid={!!error || undefined}
      />
      {error && (
        <p id="multitrackEnabled-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {values.multitrackEnabled && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="multitrackPolicy"
            label="Multitrack policy"
            hint="ALLOW: single-track input is accepted too. REQUIRE: only multitrack."
          >
            <Select
              id="multitrackPolicy"
              value={values.multitrackPolicy}
              onChange={(e) => set('multitrackPolicy', e.target.value as CreateChannelInput['multitrackPolicy'])}
              aria-describedby={describedBy('multitrackPolicy', null, true)}
            >
              {MULTITRACK_POLICIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </Select>
          </Field>
          <Field id="multitrackMaximumResolution" label="Maximum resolution" hint="The highest rendition the encoder may send.">
            <Select
              id="multitrackMaximumResolution"
              value={values.multitrackMaximumResolution}
              onChange={(e) => set('multitrackMaximumResolution', e.target.value as CreateChannelInput['multitrackMaximumResolution'])}
              aria-describedby={describedBy('multitrackMaximumResolution', null, true)}
            >
              {MULTITRACK_RESOLUTIONS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </Select>
          </Field>
        </div>
      )}
    </div>
  );
}

/** Private playback and insecure ingest. */
export function AccessFields({ values, set }: { values: CreateChannelInput; set: Setter }) {
  return (
    <div className="space-y-4">
      <Checkbox
        id="authorized"
        label="Private channel (authorized playback)"
        description="Viewers need a playback token signed with one of your playback keys."
        checked={values.authorized}
        onChange={(e) => set('authorized', e.target.checked)}
      />
      <Checkbox
        id="insecureIngest"
        label="Allow insecure ingest (RTMP)"
        description="Accepts unencrypted RTMP on port 1935 as well as RTMPS."
        checked={values.insecureIngest}
        onChange={(e) => set('insecureIngest', e.target.checked)}
      />
      {values.insecureIngest && (
        <p
          role="note"
          className="rounded-md border border-yellow-400 bg-yellow-50 px-3 py-2 text-sm text-yellow-900 dark:border-yellow-700 dark:bg-yellow-950 dark:text-yellow-200"
        >
          Warning: with RTMP the stream key travels unencrypted, so anyone on the network path can read it and stream to this channel. Use
          it only for encoders that cannot do RTMPS.
        </p>
      )}
    </div>
  );
}
