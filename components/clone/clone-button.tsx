'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Providers } from '@/components/providers';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

// Both load when the dialog opens: the channel list does not carry them on every visit.
const loading = () => <p aria-live="polite">Loading…</p>;
const CloneForm = dynamic(() => import('./clone-form').then((m) => m.CloneForm), { ssr: false, loading });
const JobProgress = dynamic(() => import('@/components/jobs/job-progress').then((m) => m.JobProgress), { ssr: false, loading });

/** Copies the selected channels and what they reference into another region, as a server-side job. */
export function CloneToRegionButton({ region, channelArns }: { region: string; channelArns: string[] }) {
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setJobId(null);
  };
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Clone to region…
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={
          jobId
            ? 'Copying to another region'
            : `Clone ${channelArns.length} channel${channelArns.length === 1 ? '' : 's'} to another region`
        }
      >
        {open && !jobId && <CloneForm region={region} channelArns={channelArns} onStarted={setJobId} />}
        {jobId && (
          <Providers>
            <JobProgress jobId={jobId} canAct onClose={close} />
          </Providers>
        )}
      </Dialog>
    </>
  );
}
