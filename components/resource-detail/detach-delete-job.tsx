'use client';

import { useEffect } from 'react';
import { useJob } from '@/components/jobs/job-query';
import type { Job } from '@/lib/jobs/types';
import { DetachProgress, type StepState } from './detach-progress';
import type { ChannelLink } from './delete-panel';

/** Each channel's step as the job reports it (the resource itself is the job's last item). */
function stepsOf(job: Job): Record<string, StepState> {
  const steps: Record<string, StepState> = {};
  for (const item of job.items) {
    if (item.state === 'done') steps[item.target] = { status: 'done' };
    else if (item.state === 'failed') steps[item.target] = { status: 'failed', message: item.message };
    else if (item.state === 'running') steps[item.target] = { status: 'working' };
  }
  return steps;
}

/**
 * A detach-and-delete job's progress on the resource's page: one line per channel while it runs, then
 * either `onDeleted` or `onStopped` with the message to show. The job goes on if the page closes.
 */
export function DetachDeleteJob({
  jobId,
  channels,
  onDeleted,
  onStopped,
}: {
  jobId: string;
  channels: ChannelLink[];
  onDeleted: () => void;
  onStopped: (message: string) => void;
}) {
  const job = useJob(jobId).data;
  const ended = job && job.status !== 'running';
  useEffect(() => {
    if (!job || job.status === 'running') return;
    const failed = job.items.find((i) => i.state === 'failed');
    if (!failed && job.done === job.total) return onDeleted();
    const at = failed && failed.seq < job.items.length - 1 ? `Stopped at channel "${failed.label}": ` : '';
    onStopped(`${at}${failed?.message ?? 'The job was cancelled.'} Nothing was deleted.`);
    // Once, when the job ends.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ended]);
  return job ? <DetachProgress channels={channels} steps={stepsOf(job)} /> : <p aria-live="polite">Starting…</p>;
}
