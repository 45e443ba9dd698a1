'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatTime } from '@/lib/format/time';
import type { JobSummary } from '@/lib/jobs/types';
import { useJobList } from './job-query';
import { jobRate, jobSettings, jobStatusLine, jobTitle } from './job-status';

const TONE = { running: 'blue', finished: 'green', cancelled: 'yellow' } as const;

/** Everyone's jobs, newest first, refreshed while any runs. */
export function JobsTable({ initial }: { initial: JobSummary[] }) {
  const jobs = useJobList(initial).data ?? initial;
  return (
    <Table aria-label="Jobs">
      <THead>
        <TR>
          <TH>Job</TH>
          <TH>Started by</TH>
          <TH>Started</TH>
          <TH>Progress</TH>
          <TH>Calls/s</TH>
        </TR>
      </THead>
      <TBody>
        {jobs.map((job) => (
          <TR key={job.id} data-job-status={job.status}>
            <TD>
              <Link href={`/jobs/${job.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                {jobTitle(job)}
              </Link>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {job.region} · {jobSettings(job)}
              </span>
            </TD>
            <TD>{job.startedBy}</TD>
            <TD>{formatTime(job.createdAt)}</TD>
            <TD>
              <Badge tone={TONE[job.status]}>{job.status}</Badge> <span className="text-sm">{jobStatusLine(job)}</span>
              <progress
                aria-label={`Progress of the job started ${formatTime(job.createdAt)} by ${job.startedBy}`}
                className="block h-1.5 w-40 accent-blue-600"
                max={job.total || 1}
                value={job.done + job.failed + job.cancelled}
              />
            </TD>
            <TD>{jobRate(job).toFixed(1)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
