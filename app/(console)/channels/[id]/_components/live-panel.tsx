'use client';

import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { toast } from '@/components/ui/toast';
import type { LiveState } from '@/components/channel-list/live-query';
import type { ActionResult } from '@/lib/action-result';
import { LiveBadge, uptime, viewers } from '@/components/channel-list/live-badge';
import { stopStreamAction } from '../../actions';
import { MetadataForm } from './metadata-form';
import { useChannelLive } from './use-channel-live';
import { Time } from '@/components/ui/time';

// Loaded only for channels with an ad configuration (most have none): it keeps this page within its
// first-load budget (test/build/page-weight.test.ts). Without one, Settings says so (server-rendered).
const AdBreakForm = dynamic(() => import('./ad-break-form').then((m) => m.AdBreakForm), { ssr: false });

interface Props {
  region: string;
  id: string;
  name: string;
  initial: LiveState;
  canOperate: boolean;
  /** The channel references an ad configuration, so ad breaks can be inserted while live. */
  hasAds: boolean;
}

/** State, health, viewers and start time, refreshed every 10 s; stop stream, timed metadata and ad breaks for operators. */
export function LivePanel({ region, id, name, initial, canOperate, hasAds }: Props) {
  const { stream, error, refresh } = useChannelLive(region, id, initial);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const now = useNow(initial.fetchedAt, stream ? 1000 : null);

  const onStop = async () => {
    setPending(true);
    const res = await stopStreamAction({ id });
    setPending(false);
    setResult(res);
    if (res.ok || res.code === 'ChannelNotBroadcasting') {
      setConfirming(false);
      toast(res.ok ? `The stream on ${name || id} was stopped.` : res.error, { tone: res.ok ? 'success' : 'info' });
      await refresh();
    }
  };

  return (
    <section aria-labelledby="live-heading" className="space-y-4 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="live-heading" className="text-base font-semibold">
          Live
        </h2>
        <LiveBadge stream={stream} />
      </div>
      {error && <p className="text-xs text-yellow-800 dark:text-yellow-300">{error}</p>}
      {stream ? (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <Item label="State">{stream.state}</Item>
          <Item label="Health">{stream.health}</Item>
          <Item label="Viewers">{viewers(stream.viewerCount)}</Item>
          <Item label="Started">
            <Time value={stream.startTime} /> ({uptime(stream.startTime, now)})
          </Item>
          <Item label="Stream id">
            <span className="font-mono text-xs">{stream.streamId}</span>
          </Item>
        </dl>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The channel is offline. Start streaming from your encoder with the ingest details below.
        </p>
      )}
      <FormError result={result && !confirming ? result : null} />
      {canOperate && stream && (
        <div className="flex flex-wrap gap-2">
          <Button variant="danger" onClick={() => (setResult(null), setConfirming(true))}>
            Stop stream
          </Button>
        </div>
      )}
      {canOperate && <MetadataForm id={id} live={!!stream} />}
      {canOperate && hasAds && <AdBreakForm id={id} name={name} live={!!stream} />}
      <ConfirmDialog
        open={confirming}
        title="Stop the stream?"
        description={
          <>
            The stream on channel <strong>{name || id}</strong> will stop now and viewers will see it end. Encoders often reconnect on their
            own: to keep it off, rotate or delete the stream key as well.
          </>
        }
        confirmLabel="Stop stream"
        pending={pending}
        onConfirm={onStop}
        onCancel={() => setConfirming(false)}
      >
        <FormError result={result} />
      </ConfirmDialog>
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

// Ticks the uptime display while live; idle otherwise.
function useNow(start: number, intervalMs: number | null): number {
  // Starts at the server's time so hydration matches the HTML.
  const [now, setNow] = useState(start);
  useEffect(() => {
    if (!intervalMs) return;
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
