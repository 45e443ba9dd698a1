'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { BulkQueue, type Call } from '@/lib/bulk/queue';
import { tagResourceAction, untagResourceAction } from '@/components/tag-editor/actions';
import { tagsToRows } from '@/lib/ivs/schemas/tags';
import type { BulkChange } from './bulk-tag-form';

export interface BulkTarget {
  arn: string;
  name: string;
}

const NO_SERVER = { ok: false as const, error: 'The console could not reach the server.' };

// One server action per IVS call, so the queue's bucket counts every call (tag + untag = 2).
function callsFor(arn: string, change: BulkChange): Call[] {
  const calls: Call[] = [];
  if (Object.keys(change.set).length)
    calls.push(() => tagResourceAction({ resourceArn: arn, tags: tagsToRows(change.set) }).catch(() => NO_SERVER));
  if (change.remove.length) calls.push(() => untagResourceAction({ resourceArn: arn, tagKeys: change.remove }).catch(() => NO_SERVER));
  return calls;
}

const TONE: Record<string, string> = {
  done: 'text-green-700 dark:text-green-400',
  failed: 'text-red-700 dark:text-red-400',
  cancelled: 'text-yellow-800 dark:text-yellow-300',
};

/** A queue for the change over the targets; started by the caller (on submit, not in an effect). */
export function bulkTagQueue(targets: BulkTarget[], change: BulkChange): BulkQueue {
  return new BulkQueue(targets.map((t) => ({ id: t.arn, calls: callsFor(t.arn, change) })));
}

/** Progress of a running bulk change: progress bar, per-channel results, cancel, retry failed. */
export function BulkTagProgress({ queue, targets, onClose }: { queue: BulkQueue; targets: BulkTarget[]; onClose: () => void }) {
  const router = useRouter();
  const snap = useSyncExternalStore(queue.subscribe, queue.current, queue.current);
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  const names = useMemo(() => new Map(targets.map((t) => [t.arn, t.name])), [targets]);

  const running = snap.running;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);

  const total = targets.length;
  const done = snap.done;
  const failed = snap.failed;
  const cancelled = snap.items.filter((i) => i.status === 'cancelled').length;
  const finished = done + failed + cancelled;
  const seconds = (now - startedAt) / 1000;
  const rate = seconds > 0 ? snap.calls / seconds : 0;

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <p className="text-sm" aria-live="polite" data-testid="bulk-tag-status">
          {running ? 'Working: ' : snap.cancelled ? 'Cancelled: ' : 'Finished: '}
          {done} of {total} done{failed ? `, ${failed} failed` : ''}
          {cancelled ? `, ${cancelled} not started` : ''}
          {rate > 0 && running ? ` · ${rate.toFixed(1)} calls/s` : ''}
          {snap.throttled ? ` · IVS throttled ${snap.throttled} call${snap.throttled === 1 ? '' : 's'} (retried after a pause)` : ''}
        </p>
        <progress aria-label="Bulk tagging progress" className="h-2 w-full accent-blue-600" max={total || 1} value={finished} />
      </div>
      <ul aria-label="Results per channel" className="max-h-64 space-y-1 overflow-y-auto text-sm">
        {snap.items.map((item) => (
          <li key={item.id} className="flex gap-2" data-status={item.status}>
            <span className="w-28 shrink-0 font-mono text-xs leading-5" title={item.id}>
              {item.id.split('/').pop()}
            </span>
            <span className="w-40 shrink-0 truncate" title={names.get(item.id)}>
              {names.get(item.id)}
            </span>
            <span className={TONE[item.status] ?? 'text-zinc-500 dark:text-zinc-400'}>{item.message}</span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap justify-end gap-2">
        {running && (
          <Button variant="secondary" onClick={() => queue.cancel()}>
            Cancel
          </Button>
        )}
        {!running && failed + cancelled > 0 && (
          <Button onClick={() => void queue.retryFailed().then(() => router.refresh())}>Retry failed ({failed + cancelled})</Button>
        )}
        <Button variant="secondary" disabled={running} onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
