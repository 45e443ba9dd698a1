'use client';

import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { startRotateKeysJobAction } from '@/components/jobs/actions';
import { Providers } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormError } from '@/components/ui/form-error';
import type { ActionResult } from '@/lib/action-result';

const JobProgress = dynamic(() => import('@/components/jobs/job-progress').then((m) => m.JobProgress), {
  ssr: false,
  loading: () => <p aria-live="polite">Loading…</p>,
});

/**
 * Rotates the stream keys of the selected channels as a server-side job (lib/jobs): one channel at a
 * time per IVS's 5 TPS, shared with every other rotation; closing the dialog or the tab does not stop
 * it, and `/jobs` shows it. Render for operators.
 */
export function BulkRotateKeysButton({ channelArns }: { channelArns: string[] }) {
  const [confirming, setConfirming] = useState(false);
  const [stopStreams, setStopStreams] = useState(false);
  const [pending, setPending] = useState(false);
  const [refused, setRefused] = useState<ActionResult<unknown> | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // Names the job, made when the confirmation opens: a double click on confirm, or a request sent
  // again, starts the one job it names.
  const requestId = useRef('');
  const count = channelArns.length;

  async function start() {
    setPending(true);
    const result = await startRotateKeysJobAction({ requestId: requestId.current, channelArns, stopStream: stopStreams }).catch(() => ({
      ok: false as const,
      error: 'The console could not reach the server.',
    }));
    setPending(false);
    if (!result.ok) return setRefused(result);
    setRefused(null);
    setConfirming(false);
    setJobId(result.data.jobId);
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={count === 0}
        onClick={() => {
          requestId.current = crypto.randomUUID();
          setRefused(null);
          setConfirming(true);
        }}
      >
        Rotate stream keys{count ? ` (${count})` : ''}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Rotate the stream keys of ${count} channel${count === 1 ? '' : 's'}?`}
        confirmLabel="Rotate keys"
        pending={pending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void start()}
        description={
          <p>
            Each channel’s current key stops working for new connections at once and a new key is created; encoders need the new keys to
            stream again. Keys are rotated one channel at a time, within IVS’s 5 calls per second, on the server: closing this page does not
            stop it.
          </p>
        }
      >
        <Checkbox
          id="bulk-rotate-stop-streams"
          label="Also stop live streams"
          description="Off: live streams keep running on their current connection until their encoders disconnect."
          checked={stopStreams}
          onChange={(e) => setStopStreams(e.target.checked)}
        />
        <FormError result={refused} />
      </ConfirmDialog>
      <Dialog open={jobId !== null} onClose={() => setJobId(null)} title="Rotating stream keys">
        {jobId && (
          <Providers>
            <JobProgress jobId={jobId} canAct onClose={() => setJobId(null)} />
          </Providers>
        )}
      </Dialog>
    </>
  );
}
