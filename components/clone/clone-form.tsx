'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input, Select, Textarea } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';
import type { ClonePreview } from '@/lib/ivs/clone-preview';
import { IVS_REGIONS, type IvsRegion } from '@/lib/ivs/regions';
import { playbackConfigurationProblems } from '@/lib/ivs/schemas/ad-configuration';
import { bucketNameProblems } from '@/lib/ivs/schemas/recording-configuration';
import { previewCloneAction, startCloneJobAction } from './actions';

const NOUN: Record<string, string> = {
  channel: 'Channel',
  'recording-configuration': 'Recording configuration',
  'playback-restriction-policy': 'Restriction policy',
  'ad-configuration': 'Ad configuration',
};

const unreachable = { ok: false as const, error: 'The console could not reach the server.' };

/**
 * Clone to region: choose the region, read the preview (every resource that will be made, a bucket
 * there for each recording configuration, what to know first), then start the job. What was typed
 * stays when the server refuses; bucket names are checked next to their fields before anything is sent.
 */
export function CloneForm({
  region,
  channelArns,
  onStarted,
}: {
  region: string;
  channelArns: string[];
  onStarted: (jobId: string) => void;
}) {
  const [targetRegion, setTargetRegion] = useState<IvsRegion | ''>('');
  const [preview, setPreview] = useState<ClonePreview | null>(null);
  const [buckets, setBuckets] = useState<Record<string, string>>({});
  const [playback, setPlayback] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const requestId = useRef(crypto.randomUUID());

  async function loadPreview(target: IvsRegion | '') {
    setTargetRegion(target);
    setPreview(null);
    setPlayback({});
    setResult(null);
    setChecked(false);
    if (!target) return;
    setPending(true);
    const out = await previewCloneAction({ channelArns, targetRegion: target }).catch(() => unreachable);
    setPending(false);
    if (!out.ok) return setResult(out);
    setPreview(out.data);
    // Offered: the same playback configurations' names in the new region, which the operator may have made there.
    setPlayback(
      Object.fromEntries(
        out.data.references
          .filter((r) => r.kind === 'ad-configuration')
          .map((r) => [
            r.arn,
            (r.playbackConfigurationArns ?? []).map((a) => a.replace(/^(arn:aws:mediatailor:)[a-z0-9-]+:/, `$1${target}:`)).join('\n'),
          ]),
      ),
    );
  }

  const recordings = preview?.references.filter((r) => r.kind === 'recording-configuration') ?? [];
  const bucketError = (arn: string, sourceBucket = ''): string | null => {
    const name = (buckets[arn] ?? '').trim();
    if (!name) return `Give a bucket in ${targetRegion}.`;
    if (name === sourceBucket) return `${name} is in ${region}: IVS records only to a bucket in ${targetRegion}.`;
    return bucketNameProblems(name)[0] ?? null;
  };
  const ads = preview?.references.filter((r) => r.kind === 'ad-configuration') ?? [];
  const playbackArns = (arn: string) =>
    (playback[arn] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const playbackError = (arn: string): string | null => {
    const arns = playbackArns(arn);
    const problem = playbackConfigurationProblems(arns)[0];
    if (problem) return problem;
    const elsewhere = arns.find((a) => a.split(':')[3] !== targetRegion);
    return elsewhere ? `${elsewhere} is not in ${targetRegion}: IVS uses MediaTailor playback configurations of its own region.` : null;
  };
  const invalid = recordings.some((r) => bucketError(r.arn, r.sourceBucket)) || ads.some((r) => playbackError(r.arn));

  async function start() {
    setChecked(true);
    if (!preview || !targetRegion || invalid) return;
    setPending(true);
    const out = await startCloneJobAction({
      requestId: requestId.current,
      channelArns,
      targetRegion,
      buckets: recordings.map((r) => ({ arn: r.arn, bucketName: (buckets[r.arn] ?? '').trim() })),
      playbackConfigurations: ads.map((r) => ({ arn: r.arn, playbackConfigurationArns: playbackArns(r.arn) })),
    }).catch(() => unreachable);
    setPending(false);
    if (out.ok) onStarted(out.data.jobId);
    else setResult(out);
  }

  const total = preview ? preview.references.length + preview.channels.length : 0;
  return (
    <div className="space-y-4">
      <Field id="clone-region" label="Copy to region" hint={`From ${region}. Nothing in ${region} is changed.`}>
        <Select
          id="clone-region"
          value={targetRegion}
          disabled={pending}
          aria-describedby={describedBy('clone-region', null, true)}
          onChange={(e) => void loadPreview(e.target.value as IvsRegion | '')}
        >
          <option value="">Choose a region…</option>
          {IVS_REGIONS.filter((r) => r.id !== region).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.id})
            </option>
          ))}
        </Select>
      </Field>
      {pending && !preview && <p aria-live="polite">Reading what would be copied…</p>}
      {preview && (
        <section aria-label="What will be created" className="space-y-3">
          <p className="text-sm">
            {total} resource{total === 1 ? '' : 's'} will be created in {preview.targetRegion}, with the same names, settings and tags; each
            channel gets a stream key of its own.
            {preview.missing
              ? ` ${preview.missing} selected channel${preview.missing === 1 ? ' is' : 's are'} no longer in ${region}.`
              : ''}
          </p>
          <ul aria-label="Resources to create" className="max-h-48 space-y-1 overflow-y-auto text-sm">
            {[...preview.references, ...preview.channels].map((r) => (
              <li key={r.arn} className="flex gap-2">
                <span className="w-44 shrink-0 text-zinc-600 dark:text-zinc-400">{NOUN[r.kind]}</span>
                <span className="truncate" title={r.arn}>
                  {r.name || r.arn.split('/').pop()}
                  {r.usedBy ? ` (used by ${r.usedBy})` : ''}
                </span>
              </li>
            ))}
          </ul>
          {recordings.map((r) => {
            const id = `clone-bucket-${r.arn.split('/').pop()}`;
            const error = checked ? bucketError(r.arn, r.sourceBucket) : null;
            return (
              <Field
                key={r.arn}
                id={id}
                label={`S3 bucket in ${preview.targetRegion} for "${r.name || r.arn.split('/').pop()}"`}
                hint={`It records to ${r.sourceBucket} in ${region}; IVS records only to a bucket in the configuration's own region.`}
                error={error}
              >
                <Input
                  id={id}
                  autoComplete="off"
                  value={buckets[r.arn] ?? ''}
                  invalid={!!error}
                  aria-describedby={describedBy(id, error, true)}
                  onChange={(e) => setBuckets((b) => ({ ...b, [r.arn]: e.target.value }))}
                />
              </Field>
            );
          })}
          {ads.map((r) => {
            const id = `clone-playback-${r.arn.split('/').pop()}`;
            const error = checked ? playbackError(r.arn) : null;
            return (
              <Field
                key={r.arn}
                id={id}
                label={`MediaTailor playback configurations in ${preview.targetRegion} for "${r.name || r.arn.split('/').pop()}"`}
                hint="One ARN per line. IVS uses only playback configurations of its own region and account; the same names there are offered."
                error={error}
              >
                <Textarea
                  id={id}
                  rows={2}
                  className="font-mono text-xs"
                  value={playback[r.arn] ?? ''}
                  invalid={!!error}
                  aria-describedby={describedBy(id, error, true)}
                  onChange={(e) => setPlayback((p) => ({ ...p, [r.arn]: e.target.value }))}
                />
              </Field>
            );
          })}
          {preview.warnings.length > 0 && (
            <ul aria-label="Before you copy" className="list-disc space-y-1 pl-5 text-sm text-yellow-800 dark:text-yellow-300">
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <FormError result={result} />
      <div className="flex justify-end">
        <Button onClick={() => void start()} disabled={!preview || pending || !preview.channels.length}>
          {pending && preview ? 'Starting…' : `Copy to ${targetRegion || 'region'}`}
        </Button>
      </div>
    </div>
  );
}
