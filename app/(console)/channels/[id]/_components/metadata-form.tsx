'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { useLazyModule } from '@/components/forms/use-lazy-module';
import { FormError } from '@/components/ui/form-error';
import { Textarea } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { METADATA_MAX_BYTES, utf8Bytes } from '@/lib/ivs/schemas/channel-options';
import { putMetadataAction } from '../../actions';

// The schema (zod) loads when the field is first used, not with the channel page.
const loadMetadataSchema = () => import('@/lib/ivs/schemas/channel').then((m) => m.putMetadataSchema);

/** Timed metadata (PutMetadata): inserted into the live stream for players to read; 1 KB at most. */
export function MetadataForm({ id, live }: { id: string; live: boolean }) {
  const [metadata, setMetadata] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const schema = useLazyModule(loadMetadataSchema);
  const bytes = utf8Bytes(metadata);
  const check = schema.loaded?.safeParse({ id, metadata });
  const serverError = result && !result.ok ? result.fieldErrors?.metadata?.[0] : undefined;
  const error = touched && check && !check.success ? check.error.issues.find((i) => i.path[0] === 'metadata')?.message : serverError;
  const hint = `${bytes.toLocaleString('en-US')} / ${METADATA_MAX_BYTES.toLocaleString('en-US')} bytes. Sent to players in the stream (e.g. JSON for a poll). Up to 5 per second per channel.`;

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setTouched(true);
    startTransition(async () => {
      // Checked before sending; if the checks cannot load, the action's own check still answers.
      const putMetadataSchema = await schema.load().catch(() => null);
      if (putMetadataSchema && !putMetadataSchema.safeParse({ id, metadata }).success) return;
      const res = await putMetadataAction({ id, metadata });
      setResult(res);
      if (res.ok) toast(`Metadata sent (${res.data.bytes} bytes).`, { tone: 'success' });
    });
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800"
      aria-label="Timed metadata"
    >
      <Field id="metadata" label="Send timed metadata" error={error} hint={hint}>
        <Textarea
          id="metadata"
          rows={3}
          value={metadata}
          onFocus={() => void schema.load().catch(() => undefined)}
          onChange={(e) => (setMetadata(e.target.value), setTouched(true))}
          invalid={!!error}
          aria-describedby={describedBy('metadata', error, hint)}
          placeholder='{"question": "Who wins?"}'
        />
      </Field>
      {!live && <p className="text-xs text-zinc-600 dark:text-zinc-400">Metadata can be sent only while the channel is live.</p>}
      <FormError result={result && !result.ok && !serverError ? result : null} />
      <Button type="submit" variant="secondary" size="sm" pending={pending} disabled={!live}>
        Send metadata
      </Button>
    </form>
  );
}
