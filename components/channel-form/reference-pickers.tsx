'use client';

import { describedBy, Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import type { CreateChannelInput } from '@/lib/ivs/schemas/channel';
import { resourceIdFromArn } from '@/lib/ivs/arn';

export interface RecordingOption {
  arn: string;
  name: string;
  state: string;
  bucketName: string;
}

export interface PolicyOption {
  arn: string;
  name: string;
}

type Setter = <K extends keyof CreateChannelInput>(key: K, value: CreateChannelInput[K]) => void;

const AD_HINT = 'Lets operators insert ad breaks while the channel is live (server-side, via MediaTailor).';

const label = (o: { arn: string; name: string }) => o.name || resourceIdFromArn(o.arn);

// An ARN the channel references but the list lacks (deleted since) stays selectable, so a save never
// changes it silently.
function withCurrent<T extends { arn: string; name: string }>(options: T[], current: string, fill: (arn: string) => T): T[] {
  return current && !options.some((o) => o.arn === current) ? [...options, fill(current)] : options;
}

/** Recording configuration, restriction policy and ad configuration, chosen from the ones that exist in the region. */
export function ReferencePickers({
  values,
  set,
  err,
  recordingConfigurations,
  restrictionPolicies,
  adConfigurations,
  pickersError,
}: {
  values: CreateChannelInput;
  set: Setter;
  err: (path: string) => string | undefined;
  recordingConfigurations: RecordingOption[];
  restrictionPolicies: PolicyOption[];
  adConfigurations: PolicyOption[];
  pickersError?: string;
}) {
  const recordings = withCurrent(recordingConfigurations, values.recordingConfigurationArn, (arn) => ({
    arn,
    name: '',
    state: 'unknown',
    bucketName: '',
  }));
  const policies = withCurrent(restrictionPolicies, values.playbackRestrictionPolicyArn, (arn) => ({ arn, name: '' }));
  const ads = withCurrent(adConfigurations, values.adConfigurationArn, (arn) => ({ arn, name: '' }));
  const chosen = recordings.find((r) => r.arn === values.recordingConfigurationArn);
  const recordingHint = chosen
    ? `Records to s3://${chosen.bucketName || '…'}${chosen.state !== 'ACTIVE' ? ` — state ${chosen.state}: IVS records only with an ACTIVE configuration.` : ''}`
    : 'Automatically record every stream of this channel to S3.';
  const policyHint =
    values.playbackRestrictionPolicyArn && values.authorized
      ? 'Note: this channel is private, so IVS ignores the restriction policy; playback tokens control access instead.'
      : 'Limit playback to some countries and origins.';

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {pickersError && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2 dark:text-red-400">
          {pickersError}
        </p>
      )}
      <Field id="recordingConfigurationArn" label="Recording configuration" error={err('recordingConfigurationArn')} hint={recordingHint}>
        <Select
          id="recordingConfigurationArn"
          value={values.recordingConfigurationArn}
          onChange={(e) => set('recordingConfigurationArn', e.target.value)}
          invalid={!!err('recordingConfigurationArn')}
          aria-describedby={describedBy('recordingConfigurationArn', err('recordingConfigurationArn'), true)}
        >
          <option value="">No recording</option>
          {recordings.map((r) => (
            <option key={r.arn} value={r.arn}>
              {label(r)} ({r.state})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="playbackRestrictionPolicyArn" label="Restriction policy" error={err('playbackRestrictionPolicyArn')} hint={policyHint}>
        <Select
          id="playbackRestrictionPolicyArn"
          value={values.playbackRestrictionPolicyArn}
          onChange={(e) => set('playbackRestrictionPolicyArn', e.target.value)}
          invalid={!!err('playbackRestrictionPolicyArn')}
          aria-describedby={describedBy('playbackRestrictionPolicyArn', err('playbackRestrictionPolicyArn'), true)}
        >
          <option value="">No restriction</option>
          {policies.map((p) => (
            <option key={p.arn} value={p.arn}>
              {label(p)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="adConfigurationArn" label="Ad configuration" error={err('adConfigurationArn')} hint={AD_HINT}>
        <Select
          id="adConfigurationArn"
          value={values.adConfigurationArn}
          onChange={(e) => set('adConfigurationArn', e.target.value)}
          invalid={!!err('adConfigurationArn')}
          aria-describedby={describedBy('adConfigurationArn', err('adConfigurationArn'), true)}
        >
          <option value="">No ads</option>
          {ads.map((a) => (
            <option key={a.arn} value={a.arn}>
              {label(a)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
