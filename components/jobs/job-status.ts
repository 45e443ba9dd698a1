import type { JobSummary } from '@/lib/jobs/types';

// Client-safe wording shared by a job's progress view and the /jobs list.

/** "Working: 12 of 300 done, 1 failed", "Finished: …", "Cancelled: …". */
export function jobStatusLine(job: JobSummary): string {
  const head = job.status === 'running' ? 'Working' : job.status === 'cancelled' ? 'Cancelled' : 'Finished';
  return (
    `${head}: ${job.done} of ${job.total} done` +
    (job.failed ? `, ${job.failed} failed` : '') +
    (job.cancelled ? `, ${job.cancelled} not started` : '')
  );
}

/** IVS calls per second since the job started (until it ended). */
export function jobRate(job: JobSummary, now = Date.now()): number {
  const seconds = ((job.finishedAt ?? now) - job.createdAt) / 1000;
  return seconds > 0 ? job.calls / seconds : 0;
}

const channels = (n: number) => `${n} channel${n === 1 ? '' : 's'}`;

/** What the job does, as its page and the list name it. */
export function jobTitle(job: Pick<JobSummary, 'kind' | 'total' | 'params'>): string {
  if (job.kind === 'rotate-keys') return `Rotate the stream keys of ${channels(job.total)}`;
  if (job.kind === 'delete-channels') return `Delete ${channels(job.total)}`;
  if (job.kind === 'clone' && 'targetRegion' in job.params)
    return `Copy ${job.total} resource${job.total === 1 ? '' : 's'} to ${job.params.targetRegion}`;
  if (job.kind === 'detach-delete' && 'resource' in job.params)
    return `Detach ${job.params.resource.replace(/-/g, ' ')} ${job.params.label} from ${channels(job.total - 1)} and delete it`;
  return `Tag ${channels(job.total)}`;
}

/** Its settings in one line: the tags set and removed, or whether live streams are stopped. */
export function jobSettings(job: Pick<JobSummary, 'kind' | 'params'>): string {
  if (job.kind === 'rotate-keys')
    return 'stopStream' in job.params && job.params.stopStream ? 'live streams stopped too' : 'live streams keep running';
  if (job.kind === 'delete-channels') return 'with their stream keys';
  if (job.kind === 'detach-delete') return 'in order; the first channel that refuses stops it';
  if (job.kind === 'clone') return 'references first, then the channels; each copy gets a stream key of its own';
  if (!('set' in job.params)) return '';
  const set = Object.entries(job.params.set).map(([k, v]) => `${k}=${v}`);
  return [set.length ? `set ${set.join(', ')}` : '', job.params.remove.length ? `remove ${job.params.remove.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}
