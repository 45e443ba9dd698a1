'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import type { ActionResult } from '@/lib/action-result';
import type { Job } from '@/lib/jobs/types';
import { cancelJobAction, retryJobAction } from './actions';
import { jobKeys, useJob } from './job-query';
import { jobRate, jobStatusLine } from './job-status';

const TONE: Record<string, string> = {
  done: 'text-green-700 dark:text-green-400',
  failed: 'text-red-700 dark:text-red-400',
  cancelled: 'text-yellow-800 dark:text-yellow-300',
};

/**
 * A job's progress, read from the server: the bar, per-item results, cancel and "retry failed". The
 * operator may close it (or the tab) at any time: the job goes on, and `/jobs` shows it to everyone.
 */
export function JobProgress({ jobId, initial, canAct, onClose }: { jobId: string; initial?: Job; canAct: boolean; onClose?: () => void }) {
  const job = useJob(jobId, initial);
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const data = job.data;
  if (!data) return <p aria-live="polite">{job.error ? job.error.message : 'Starting the job…'}</p>;

  const act = async (action: () => Promise<ActionResult<unknown>>) => {
    setPending(true);
    const out = await action().catch(() => ({ ok: false as const, error: 'The console could not reach the server.' }));
    setPending(false);
    setResult(out.ok ? null : out);
    await client.invalidateQueries({ queryKey: jobKeys.one(jobId) });
  };
  const running = data.status === 'running';
  const finished = data.done + data.failed + data.cancelled;
  const again = data.failed + data.cancelled;

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <p className="text-sm" aria-live="polite" data-testid="job-status">
          {jobStatusLine(data)}
          {running && jobRate(data) > 0 ? ` · ${jobRate(data).toFixed(1)} calls/s` : ''}
          {data.throttled ? ` · IVS throttled ${data.throttled} call${data.throttled === 1 ? '' : 's'} (retried after a pause)` : ''}
        </p>
        <progress aria-label="Job progress" className="h-2 w-full accent-blue-600" max={data.total || 1} value={finished} />
      </div>
      <ul
        aria-label={data.kind === 'clone' ? 'Results per resource' : 'Results per channel'}
        className="max-h-64 space-y-1 overflow-y-auto text-sm"
      >
        {data.items.map((item) => (
          <li key={item.seq} className="flex gap-2" data-status={item.state}>
            <span className="w-28 shrink-0 font-mono text-xs leading-5" title={item.target}>
              {item.target.split('/').pop()}
            </span>
            <span className="w-40 shrink-0 truncate" title={item.label}>
              {item.label}
            </span>
            <span className={TONE[item.state] ?? 'text-zinc-500 dark:text-zinc-400'}>
              {item.message || (item.state === 'running' ? 'Working' : 'Waiting')}
            </span>
          </li>
        ))}
      </ul>
      <FormError result={result} />
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Link
          href={`/jobs/${encodeURIComponent(jobId)}`}
          prefetch={false}
          className="mr-auto text-sm text-blue-700 hover:underline dark:text-blue-400"
        >
          Open in Jobs
        </Link>
        {canAct && running && (
          <Button variant="secondary" disabled={pending} onClick={() => void act(() => cancelJobAction({ jobId }))}>
            Cancel job
          </Button>
        )}
        {canAct && !running && again > 0 && (
          <Button disabled={pending} onClick={() => void act(() => retryJobAction({ jobId }))}>
            Retry failed ({again})
          </Button>
        )}
        {onClose && (
          <Button variant="secondary" onClick={onClose}>
            {running ? 'Close (the job goes on)' : 'Done'}
          </Button>
        )}
      </div>
    </div>
  );
}
