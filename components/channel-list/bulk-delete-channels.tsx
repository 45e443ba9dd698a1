'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { startDeleteChannelsJobAction } from '@/components/jobs/actions';
import { Providers } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-error';
import { describedBy, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ActionResult } from '@/lib/action-result';

const JobProgress = dynamic(() => import('@/components/jobs/job-progress').then((m) => m.JobProgress), {
  ssr: false,
  loading: () => <p aria-live="polite">Loading…</p>,
});

interface Target {
  arn: string;
  name: string;
}

const plural = (n: number) => `${n} channel${n === 1 ? '' : 's'}`;
const SHOWN = 5;

/**
 * Deletes the selected channels, with their stream keys, as a server-side job (admins). The operator
 * types the number of channels to confirm: a slip of the mouse should not delete fifty channels.
 */
export function BulkDeleteChannelsButton({ channels, onDone }: { channels: Target[]; onDone: () => void }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [refused, setRefused] = useState<ActionResult<unknown> | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const requestId = useRef('');
  const count = channels.length;
  const confirmed = typed.trim() === String(count);
  const typedError = refused && !refused.ok && !confirmed ? refused.error : null;

  async function start() {
    if (!confirmed) return setRefused({ ok: false, error: `Type ${count} to confirm.` });
    setPending(true);
    const result = await startDeleteChannelsJobAction({ requestId: requestId.current, channels }).catch(() => ({
      ok: false as const,
      error: 'The console could not reach the server.',
    }));
    setPending(false);
    if (!result.ok) return setRefused(result);
    setConfirming(false);
    setJobId(result.data.jobId);
  }

  const close = () => {
    setJobId(null);
    onDone();
    router.refresh();
  };

  return (
    <>
      <Button
        variant="danger"
        size="sm"
        onClick={() => {
          requestId.current = crypto.randomUUID();
          setTyped('');
          setRefused(null);
          setConfirming(true);
        }}
      >
        Delete {plural(count)}…
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${plural(count)}?`}
        confirmLabel={`Delete ${plural(count)}`}
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void start()}
        description={
          <div className="space-y-2">
            <p>
              These channels and their stream keys are deleted for good:{' '}
              {channels
                .slice(0, SHOWN)
                .map((c) => c.name)
                .join(', ')}
              {count > SHOWN ? ` and ${count - SHOWN} more` : ''}. Live channels are not deleted (stop their streams first); recordings
              already in S3 stay.
            </p>
          </div>
        }
      >
        <Field id="bulk-delete-confirm" label={`Type ${count} to confirm`} error={typedError}>
          <Input
            id="bulk-delete-confirm"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            invalid={!!typedError}
            aria-describedby={describedBy('bulk-delete-confirm', typedError)}
            onChange={(e) => setTyped(e.target.value)}
          />
        </Field>
        {confirmed && <FormError result={refused} />}
      </ConfirmDialog>
      <Dialog open={jobId !== null} onClose={close} title="Deleting channels">
        {jobId && (
          <Providers>
            <JobProgress jobId={jobId} canAct onClose={close} />
          </Providers>
        )}
      </Dialog>
    </>
  );
}
