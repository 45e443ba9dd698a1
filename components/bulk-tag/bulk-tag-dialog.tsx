'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { BulkQueue } from '@/lib/bulk/queue';
import type { BulkChange } from './bulk-tag-form';
import type { BulkTarget } from './bulk-tag-progress';
import type { LoadProgress } from '@/lib/channel-list/load-matching';

// The form, the queue and the channel loader load when the dialog opens, not with the channel list.
const loading = () => <p aria-live="polite">Loading…</p>;
const BulkTagForm = dynamic(() => import('./bulk-tag-form').then((m) => m.BulkTagForm), { ssr: false, loading });
const BulkTagProgress = dynamic(() => import('./bulk-tag-progress').then((m) => m.BulkTagProgress), { ssr: false, loading });

type Stage =
  | { kind: 'closed' }
  | { kind: 'loading'; progress: LoadProgress | null; error?: string }
  | { kind: 'form'; targets: BulkTarget[] }
  | { kind: 'running'; targets: BulkTarget[]; queue: BulkQueue };

const plural = (n: number) => `${n} channel${n === 1 ? '' : 's'}`;

/**
 * Bulk tagging of channels. Either `channels` (the selected rows) or `query` (every channel matching
 * the list's filter, loaded across all pages first, with progress).
 */
export function BulkTagButton({ channels, query, label }: { channels?: BulkTarget[]; query?: URLSearchParams; label: string }) {
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: 'closed' });
  const abort = useRef<AbortController | null>(null);

  async function open() {
    if (channels) return setStage({ kind: 'form', targets: channels });
    abort.current = new AbortController();
    setStage({ kind: 'loading', progress: null });
    try {
      const { loadMatchingChannels } = await import('@/lib/channel-list/load-matching');
      const found = await loadMatchingChannels(
        query ?? new URLSearchParams(),
        (progress) => setStage({ kind: 'loading', progress }),
        abort.current.signal,
      );
      setStage({ kind: 'form', targets: found.map((c) => ({ arn: c.arn, name: c.name || c.id })) });
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
    if (stage.kind === 'running' && stage.queue.current().running) return;
    abort.current?.abort();
    setStage({ kind: 'closed' });
  };

  const start = async (targets: BulkTarget[], change: BulkChange) => {
    const { bulkTagQueue } = await import('./bulk-tag-progress');
    const queue = bulkTagQueue(targets, change);
    setStage({ kind: 'running', targets, queue });
    void queue.run().then(() => router.refresh());
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
            <BulkTagForm count={stage.targets.length} onCancel={close} onSubmit={(change) => void start(stage.targets, change)} />
          ))}
        {stage.kind === 'running' && <BulkTagProgress queue={stage.queue} targets={stage.targets} onClose={close} />}
      </Dialog>
    </>
  );
}
