'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Providers } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { startTagJobAction } from '@/components/jobs/actions';
import { tagsToRows } from '@/lib/ivs/tag-rows';
import type { BulkChange } from './bulk-tag-form';
import type { LoadProgress } from '@/lib/channel-list/load-matching';

export interface BulkTarget {
  arn: string;
  name: string;
}

// The form, the queue and the channel loader load when the dialog opens, not with the channel list.
const loading = () => <p aria-live="polite">Loading…</p>;
const BulkTagForm = dynamic(() => import('./bulk-tag-form').then((m) => m.BulkTagForm), { ssr: false, loading });
const JobProgress = dynamic(() => import('@/components/jobs/job-progress').then((m) => m.JobProgress), { ssr: false, loading });

type Stage =
  | { kind: 'closed' }
  | { kind: 'loading'; progress: LoadProgress | null; error?: string }
  | { kind: 'form'; targets: BulkTarget[]; requestId: string; error?: string; starting?: boolean }
  | { kind: 'running'; targets: BulkTarget[]; jobId: string };

const plural = (n: number) => `${n} channel${n === 1 ? '' : 's'}`;

/**
 * Bulk tagging of channels. Either `channels` (the selected rows) or `query` (every channel matching
 * the list's filter, loaded across all pages first, with progress). The change runs on the server as a
 * job (lib/jobs): closing the dialog or the tab does not stop it, and `/jobs` shows it to everyone.
 */
export function BulkTagButton({ channels, query, label }: { channels?: BulkTarget[]; query?: URLSearchParams; label: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: 'closed' });
  const abort = useRef<AbortController | null>(null);

  async function open() {
    if (channels) return setStage({ kind: 'form', targets: channels, requestId: crypto.randomUUID() });
    abort.current = new AbortController();
    setStage({ kind: 'loading', progress: null });
    try {
      const { loadMatchingChannels } = await import('@/lib/channel-list/load-matching');
      const found = await loadMatchingChannels(
        query ?? new URLSearchParams(),
        (progress) => setStage({ kind: 'loading', progress }),
        abort.current.signal,
      );
      setStage({ kind: 'form', targets: found.map((c) => ({ arn: c.arn, name: c.name || c.id })), requestId: crypto.randomUUID() });
    } catch (error) {
      if (abort.current?.signal.aborted) return;
      setStage({
        kind: 'loading',
        progress: null,
        error: error instanceof Error ? error.message : 'The channel list could not be loaded.',
      });
    }
  }

  const close = () => {
    abort.current?.abort();
    if (stage.kind === 'running') router.refresh();
    setStage({ kind: 'closed' });
  };

  // The form's request id goes with every submit of it: a double click or a retried request starts one job.
  const start = async (form: Extract<Stage, { kind: 'form' }>, change: BulkChange) => {
    setStage({ ...form, starting: true, error: undefined });
    const result = await startTagJobAction({
      requestId: form.requestId,
      targets: form.targets.map((t) => ({ arn: t.arn, name: t.name.slice(0, 128) })),
      set: tagsToRows(change.set),
      remove: change.remove,
    }).catch(() => ({ ok: false as const, error: 'The console could not reach the server.' }));
    if (!result.ok) return setStage({ ...form, starting: false, error: result.error });
    setStage({ kind: 'running', targets: form.targets, jobId: result.data.jobId });
  };

  const title =
    stage.kind === 'loading'
      ? 'Finding the matching channels'
      : stage.kind === 'running'
        ? `Tagging ${plural(stage.targets.length)}`
        : stage.kind === 'form'
          ? `Tag ${plural(stage.targets.length)}`
          : '';

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => void open()} disabled={channels?.length === 0}>
        {label}
      </Button>
      <Dialog open={stage.kind !== 'closed'} onClose={close} title={title}>
        {stage.kind === 'loading' && (
          <div className="space-y-3">
            <p aria-live="polite">
              {stage.error ??
                (stage.progress
                  ? `Loaded ${stage.progress.scanned} of ? channels… ${stage.progress.matched} match so far.`
                  : 'Loading channels…')}
            </p>
            {!stage.error && <progress aria-label="Loading channels" className="h-2 w-full" />}
            <div className="flex justify-end">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
            </div>
          </div>
        )}
        {stage.kind === 'form' &&
          (stage.targets.length === 0 ? (
            <p>No channel matches the current filter.</p>
          ) : (
            <>
              <BulkTagForm count={stage.targets.length} onCancel={close} onSubmit={(change) => void start(stage, change)} />
              {stage.error && (
                <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                  {stage.error}
                </p>
              )}
            </>
          ))}
        {/* Its own query client: the channel list's toolbar sits outside the list's polling provider. */}
        {stage.kind === 'running' && (
          <Providers>
            <JobProgress jobId={stage.jobId} canAct onClose={close} />
          </Providers>
        )}
      </Dialog>
    </>
  );
}
