'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { liveKeys, useLiveStreams, type LiveState, type LiveStreamDto } from '@/components/channel-list/live-query';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { HealthBadge, uptime, viewers } from '@/components/channel-list/live-badge';
import { stopStreamAction } from '@/app/(console)/channels/actions';

interface Props {
  region: string;
  initial: LiveState;
  names: Record<string, string>;
  canStop: boolean;
  page: number;
  pages: number;
  total: number;
}

/** The live channels of this page, with health, viewers and uptime refreshed every 10 s. */
export function LiveTable({ region, initial, names, canStop, page, pages, total }: Props) {
  const rows = initial.streams;
  const ids = useMemo(() => rows.map((r) => r.channelId), [rows]);
  const live = useLiveStreams(region, ids, initial);
  const current = useMemo(() => new Map((live.data?.streams ?? []).map((s) => [s.channelArn, s])), [live.data]);
  const [stopping, setStopping] = useState<LiveStreamDto | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const client = useQueryClient();
  const label = (s: LiveStreamDto) => names[s.channelArn] || s.channelId;
  // Starts at the server's snapshot time so the first client render matches the HTML, then ticks.
  const [now, setNow] = useState(initial.fetchedAt);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const onStop = async () => {
    if (!stopping) return;
    setPending(true);
    const res = await stopStreamAction({ id: stopping.channelId });
    setPending(false);
    setResult(res);
    if (res.ok || res.code === 'ChannelNotBroadcasting') {
      toast(res.ok ? `The stream on ${label(stopping)} was stopped.` : res.error, { tone: res.ok ? 'success' : 'info' });
      setStopping(null);
      await client.invalidateQueries({ queryKey: liveKeys.region(region) });
    }
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {total.toLocaleString('en-US')} live {total === 1 ? 'channel' : 'channels'}
        {pages > 1 && ` · page ${page} of ${pages}`}
      </p>
      {live.isError && <p className="text-xs text-yellow-800 dark:text-yellow-300">{live.error.message} Showing the last known state.</p>}
      <Table aria-label="Live channels">
        <THead>
          <tr>
            <TH>Channel</TH>
            <TH>Health</TH>
            <TH>Viewers</TH>
            <TH>Uptime</TH>
            <TH>Stream id</TH>
            {canStop && <TH className="sr-only">Actions</TH>}
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => {
            const s = current.get(row.channelArn);
            return (
              <TR key={row.channelArn} data-channel-id={row.channelId}>
                <TD className="font-medium">
                  <Link href={`/channels/${row.channelId}`} className="text-blue-700 hover:underline dark:text-blue-400">
                    {label(row)}
                  </Link>
                </TD>
                <TD>{s ? <HealthBadge health={s.health} /> : <Badge>Ended</Badge>}</TD>
                <TD className="tabular-nums">{s ? viewers(s.viewerCount) : '—'}</TD>
                <TD className="tabular-nums">{s ? uptime(s.startTime, now) : '—'}</TD>
                <TD className="font-mono text-xs">{row.streamId}</TD>
                {canStop && (
                  <TD className="text-right">
                    {s && (
                      <Button
                        variant="danger"
                        size="sm"
                        onClick={() => (setResult(null), setStopping(s))}
                        aria-label={`Stop stream on ${label(row)}`}
                      >
                        Stop stream
                      </Button>
                    )}
                  </TD>
                )}
              </TR>
            );
          })}
        </TBody>
      </Table>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex justify-end gap-2">
          {page > 1 && (
            <ButtonLink href={`/live?page=${page - 1}`} size="sm">
              Previous
            </ButtonLink>
          )}
          {page < pages && (
            <ButtonLink href={`/live?page=${page + 1}`} size="sm">
              Next page
            </ButtonLink>
          )}
        </nav>
      )}
      <ConfirmDialog
        open={!!stopping}
        title="Stop the stream?"
        description={
          <>
            The stream on channel <strong>{stopping ? label(stopping) : ''}</strong> will stop now and its viewers will see it end. Encoders
            often reconnect on their own: rotate the stream key to keep it off.
          </>
        }
        confirmLabel="Stop stream"
        pending={pending}
        onConfirm={onStop}
        onCancel={() => setStopping(null)}
      >
        <FormError result={result} />
      </ConfirmDialog>
    </div>
  );
}
