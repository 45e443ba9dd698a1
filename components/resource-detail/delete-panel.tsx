'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { startDetachDeleteJobAction } from '@/components/jobs/actions';
import { Providers } from '@/components/providers';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import type { ReferencedResource } from '@/lib/jobs/types';
import { DetachDeleteJob } from './detach-delete-job';
import { DetachProgress } from './detach-progress';

export interface ChannelLink {
  arn: string;
  id: string;
  name: string;
}

export interface DeletePanelProps {
  /** "recording configuration" or "restriction policy", as the messages say it. */
  kind: string;
  /** The same, as the detach-and-delete job names it. */
  resource: ReferencedResource;
  arn: string;
  label: string;
  channels: ChannelLink[];
  listHref: string;
  /** What detaching means for a channel, e.g. "it stops recording from its next stream". */
  detachEffect: string;
  deleteAction: (input: { arn: string }) => Promise<ActionResult<unknown>>;
}

/**
 * Delete, refused while channels use the resource (IVS answers ConflictException). The admin can
 * detach it from every channel first: a server-side job (lib/jobs) that detaches channel by channel
 * with visible progress, stops at the first channel that refuses (a live channel cannot be updated),
 * and deletes the resource last.
 */
export function DeletePanel({ kind, resource, arn, label, channels, listHref, detachEffect, deleteAction }: DeletePanelProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const requestId = useRef('');
  const inUse = channels.length > 0;
  const count = channels.length === 1 ? '1 channel' : `${channels.length} channels`;

  const fail = (message: string) => {
    setError(message);
    setPending(false);
    setOpen(false);
    // The usage may have changed under us: re-read it so the page names the channels IVS sees now.
    router.refresh();
  };

  const deleted = () => {
    toast(`Deleted ${kind} ${label}.`, { tone: 'success' });
    router.push(listHref);
  };

  const run = async () => {
    setPending(true);
    setError(null);
    if (!inUse) {
      const res = await deleteAction({ arn });
      return res.ok ? deleted() : fail(res.error);
    }
    const res = await startDetachDeleteJobAction({
      requestId: requestId.current,
      resource,
      resourceArn: arn,
      label,
      channels: channels.map((c) => ({ arn: c.arn, name: c.name || c.id })),
    }).catch(() => ({ ok: false as const, error: 'The console could not reach the server.' }));
    if (!res.ok) return fail(res.error);
    setOpen(false);
    setJobId(res.data.jobId);
  };

  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-lg border border-red-200 p-4 dark:border-red-900">
      <h2 id="delete-heading" className="text-base font-semibold">
        Delete
      </h2>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {inUse
          ? `IVS refuses to delete ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} while channels use it. It is used by ${count}; detach it from them first.`
          : `No channel uses this ${kind}, so it can be deleted.`}
      </p>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
        >
          {error}
        </p>
      )}
      {jobId && (
        <Providers>
          <DetachDeleteJob
            jobId={jobId}
            channels={channels}
            onDeleted={deleted}
            onStopped={(message) => {
              setJobId(null);
              fail(message);
            }}
          />
        </Providers>
      )}
      <Button
        variant="danger"
        onClick={() => {
          requestId.current = crypto.randomUUID();
          setOpen(true);
        }}
        pending={pending}
      >
        {inUse ? `Detach from ${count} and delete` : `Delete ${kind}`}
      </Button>
      <ConfirmDialog
        open={open}
        title={inUse ? `Detach and delete ${label}?` : `Delete ${label}?`}
        description={
          inUse
            ? `The ${kind} will be removed from ${count} (${detachEffect}), then deleted, on the server: closing this page does not stop it. A live channel cannot be changed: the run stops there and nothing is deleted.`
            : `The ${kind} ${label} will be deleted. This cannot be undone.`
        }
        confirmLabel={inUse ? `Detach from ${count} and delete` : 'Delete'}
        pending={pending}
        onConfirm={run}
        onCancel={() => setOpen(false)}
      >
        {inUse && <DetachProgress channels={channels} steps={{}} />}
      </ConfirmDialog>
    </section>
  );
}
