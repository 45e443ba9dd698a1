'use client';

import { useEffect, useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { AD_DURATION_MAX, AD_DURATION_MIN, insertAdBreakSchema } from '@/lib/ivs/schemas/ad-break';
import { insertAdBreakAction } from '../../actions';

interface RunningBreak {
  adBreakId: string;
  seconds: number;
  endsAt: number;
}

/** InsertAdBreak on a live channel that has an ad configuration: confirmed, then counted down while it runs. */
export function AdBreakForm({ id, name, live }: { id: string; name: string; live: boolean }) {
  const [duration, setDuration] = useState('30');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [running, setRunning] = useState<RunningBreak | null>(null);
  const [pending, startTransition] = useTransition();
  // One id per confirmed break: a double click or a retry of the same confirmation inserts one break.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const seconds = duration.trim() === '' ? Number.NaN : Number(duration);
  const check = insertAdBreakSchema.safeParse({ id, durationSeconds: seconds, requestId });
  const error = !check.success ? check.error.issues.find((i) => i.path[0] === 'durationSeconds')?.message : undefined;
  const left = useSecondsLeft(running);
  const hint = `${AD_DURATION_MIN}–${AD_DURATION_MAX} seconds. Viewers see ads from the channel's MediaTailor configuration.`;
  // The panel renders this form only for a channel with an ad configuration; the action checks again.
  const blocked = live ? undefined : 'Ad breaks can be inserted only while the channel is live.';

  const onConfirm = () =>
    startTransition(async () => {
      const res = await insertAdBreakAction({ id, durationSeconds: seconds, requestId });
      setResult(res);
      if (!res.ok) return;
      setConfirming(false);
      setRequestId(crypto.randomUUID());
      setRunning({
        adBreakId: res.data.adBreakId,
        seconds: res.data.durationSeconds,
        endsAt: Date.now() + res.data.durationSeconds * 1000,
      });
      toast(`Ad break ${res.data.adBreakId} inserted (${res.data.durationSeconds} s).`, { tone: 'success' });
    });

  // The dialog sits outside the form: its buttons must not submit the form.
  return (
    <>
      <form
        noValidate
        aria-label="Ad break"
        className="space-y-2 border-t border-zinc-200 pt-4 dark:border-zinc-800"
        onSubmit={(event) => {
          event.preventDefault();
          if (!check.success) return;
          setResult(null);
          setConfirming(true);
        }}
      >
        <Field id="ad-break-duration" label="Insert ad break (seconds)" error={error} hint={hint}>
          <Input
            id="ad-break-duration"
            type="number"
            min={AD_DURATION_MIN}
            max={AD_DURATION_MAX}
            className="max-w-32"
            value={duration}
            invalid={!!error}
            aria-describedby={describedBy('ad-break-duration', error, hint)}
            onChange={(e) => setDuration(e.target.value)}
          />
        </Field>
        {blocked && <p className="text-xs text-zinc-600 dark:text-zinc-400">{blocked}</p>}
        {running && left > 0 && (
          <p role="status" className="text-sm">
            Ad break <span className="font-mono">{running.adBreakId}</span> running: {left} s left.
          </p>
        )}
        <FormError result={result && !confirming ? result : null} />
        <Button type="submit" variant="secondary" size="sm" disabled={!!blocked || !check.success || left > 0}>
          Insert ad break
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Insert an ad break?"
        description={
          <>
            Every viewer of channel <strong>{name || id}</strong> will see <strong>{seconds} seconds</strong> of ads, starting now.
          </>
        }
        tone="primary"
        confirmLabel="Insert ad break"
        pending={pending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      >
        <FormError result={result} />
      </ConfirmDialog>
    </>
  );
}

// Whole seconds until the break ends, ticking once a second while it runs. `now` may date from before
// the break began (the first tick is a second away), so the count never shows more than the break's length.
function useSecondsLeft(running: RunningBreak | null): number {
  const [now, setNow] = useState(() => Date.now());
  const endsAt = running?.endsAt;
  useEffect(() => {
    if (!endsAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [endsAt]);
  return running ? Math.min(running.seconds, Math.max(0, Math.ceil((running.endsAt - now) / 1000))) : 0;
}
