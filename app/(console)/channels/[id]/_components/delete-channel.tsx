'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { toast } from '@/components/ui/toast';
import type { LiveState } from '@/components/channel-list/live-query';
import type { ActionResult } from '@/lib/action-result';
import { deleteChannelAction, stopStreamAction } from '../../actions';
import { useChannelLive } from './use-channel-live';

type Step = 'idle' | 'stopping' | 'deleting';

/** Delete, confirmed by typing the channel name; a live channel is stopped first, with progress shown. */
export function DeleteChannel({ region, id, name, initial }: { region: string; id: string; name: string; initial: LiveState }) {
  const router = useRouter();
  const { stream, refresh } = useChannelLive(region, id, initial);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>('idle');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [forceStop, setForceStop] = useState(false);
  const live = !!stream || forceStop;
  const label = name || id;

  const onConfirm = async () => {
    setResult(null);
    if (live) {
      setStep('stopping');
      const stopped = await stopStreamAction({ id, wait: true });
      if (!stopped.ok && stopped.code !== 'ChannelNotBroadcasting') return (setStep('idle'), setResult(stopped));
    }
    setStep('deleting');
    const res = await deleteChannelAction({ id });
    setStep('idle');
    if (!res.ok) {
      // It went live since the page loaded: offer to stop it first.
      if (res.code === 'ChannelLive') setForceStop(true);
      setResult(res);
      void refresh();
      return;
    }
    setOpen(false);
    toast(res.data.alreadyGone ? `Channel ${label} was already deleted.` : `Channel ${label} deleted.`, { tone: 'success' });
    router.push('/channels');
    router.refresh();
  };

  return (
    <>
      <Button variant="danger" onClick={() => (setResult(null), setOpen(true))}>
        {live ? 'Stop the stream and delete' : 'Delete channel'}
      </Button>
      <ConfirmDialog
        open={open}
        title={live ? `Stop the stream and delete ${label}?` : `Delete ${label}?`}
        description={
          <>
            {live && (
              <>
                The channel is <strong>live</strong>: the stream will be stopped and viewers will see it end.{' '}
              </>
            )}
            Channel <strong>{label}</strong> and its stream key will be deleted. Encoders using the key can no longer stream, and the
            playback URL stops working. This cannot be undone.
          </>
        }
        confirmLabel={live ? 'Stop the stream and delete' : 'Delete channel'}
        requireText={label}
        pending={step !== 'idle'}
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      >
        {step !== 'idle' && (
          <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
            {step === 'stopping'
              ? 'Step 1 of 2: stopping the stream and waiting for IVS to end it…'
              : `${live ? 'Step 2 of 2: d' : 'D'}eleting the channel…`}
          </p>
        )}
        <FormError result={result} />
      </ConfirmDialog>
    </>
  );
}
