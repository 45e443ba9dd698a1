'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { HealthBadge, uptime, viewers } from '@/components/channel-list/live-badge';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { boardPageHref } from '@/lib/live-board/page-href';
import type { BoardPage, BoardRow } from '@/lib/live-board/types';
import { stopStreamAction } from '@/app/(console)/channels/actions';
import { boardKeys, useBoard } from './board-query';
import { FindingsCell } from './findings-cell';
import { Sparkline } from './sparkline';

interface Props {
  region: string;
  initial: BoardPage;
  canStop: boolean;
  // Another region than the console's current one ("All regions"): a channel opens through
  // find-anywhere, which switches to its region, since /channels/<id> reads the current region.
  elsewhere?: boolean;
  // One of the boards of "All regions": its page links keep that view (lib/live-board/page-href.ts).
  allRegions?: boolean;
}

// A row that left the board stays, marked "Ended", until this long after the server saw it end: a row
// vanishing under the operator's eyes (or cursor) reads as a glitch, a brief "Ended" says what happened.
const ENDED_SHOWN_MS = 30_000;

interface EndedRow {
  row: BoardRow;
  endedAt: number;
}

/** Every live channel of the region, worst first, refreshed every 10 s (new live channels included). */
export function LiveBoard({ region, initial, canStop, elsewhere = false, allRegions = false }: Props) {
  const board = useBoard(region, initial.page, initial);
  const data = board.data ?? initial;
  const [stopping, setStopping] = useState<BoardRow | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const client = useQueryClient();
  const label = (r: BoardRow) => r.name || r.channelId;
  // Starts at the server's snapshot time so the first client render matches the HTML, then ticks.
  const [now, setNow] = useState(initial.fetchedAt);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  // Rows this page showed that the server now reports ended (not merely moved to another page).
  const shown = useRef<BoardRow[]>(data.rows);
  const [ended, setEnded] = useState<EndedRow[]>([]);
  useEffect(() => {
    const live = new Set(data.rows.map((r) => r.channelId));
    const endedAt = new Map(data.ended.map((e) => [e.channelId, e.endedAt]));
    // Read now: the updater below runs at the next render, after shown.current has moved on.
    const gone = shown.current.filter((r) => !live.has(r.channelId) && endedAt.has(r.channelId));
    shown.current = data.rows;
    setEnded((prev) => [
      ...prev.filter((p) => !live.has(p.row.channelId) && !gone.some((g) => g.channelId === p.row.channelId)),
      ...gone.map((row) => ({ row, endedAt: endedAt.get(row.channelId)! })),
    ]);
  }, [data]);
  const endedNow = ended.filter((e) => now - e.endedAt < ENDED_SHOWN_MS);

  const onStop = async () => {
    if (!stopping) return;
    setPending(true);
    const res = await stopStreamAction({ id: stopping.channelId });
    setPending(false);
    setResult(res);
    if (res.ok || res.code === 'ChannelNotBroadcasting') {
      toast(res.ok ? `The stream on ${label(stopping)} was stopped.` : res.error, { tone: res.ok ? 'success' : 'info' });
      setStopping(null);
      await client.invalidateQueries({ queryKey: boardKeys.region(region) });
    }
  };

  const cols = canStop ? 7 : 6;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {data.total.toLocaleString('en-US')} live {data.total === 1 ? 'channel' : 'channels'}, worst first
        {data.pages > 1 && ` · page ${data.page} of ${data.pages}`}
      </p>
      {data.truncated && (
        <p role="status" className="text-sm text-yellow-800 dark:text-yellow-300">
          More channels are live than the console lists: only the first {data.total} are ranked.
        </p>
      )}
      {data.metricsError && <p className="text-xs text-yellow-800 dark:text-yellow-300">{data.metricsError}</p>}
      {board.isError && <p className="text-xs text-yellow-800 dark:text-yellow-300">{board.error.message} Showing the last known state.</p>}
      <Table aria-label="Live channels, worst first">
        <THead>
          <tr>
            <TH>Channel</TH>
            <TH>Health</TH>
            <TH>Findings</TH>
            <TH>Video bitrate, 10 min</TH>
            <TH>Viewers</TH>
            <TH>Uptime</TH>
            {canStop && <TH className="sr-only">Actions</TH>}
          </tr>
        </THead>
        <TBody>
          {data.rows.length === 0 && endedNow.length === 0 && (
            <TR>
              <TD colSpan={cols} className="text-sm text-zinc-600 dark:text-zinc-400">
                Nothing is live in {region} now.
              </TD>
            </TR>
          )}
          {data.rows.map((row) => (
            <TR key={row.channelArn} data-channel-id={row.channelId}>
              <TD className="font-medium">
                <ChannelLink row={row} label={label(row)} elsewhere={elsewhere} />
              </TD>
              <TD>
                <HealthBadge health={row.health} />
              </TD>
              <TD>
                <FindingsCell findings={row.findings} />
              </TD>
              <TD>
                <Sparkline data={row.bitrate} />
              </TD>
              <TD className="tabular-nums">{viewers(row.viewerCount)}</TD>
              <TD className="tabular-nums">{uptime(row.startTime, now)}</TD>
              {canStop && (
                <TD className="text-right">
                  <Button
                    variant="danger"
                    size="sm"
                    onClick={() => (setResult(null), setStopping(row))}
                    aria-label={`Stop stream on ${label(row)}`}
                  >
                    Stop stream
                  </Button>
                </TD>
              )}
            </TR>
          ))}
          {endedNow.map(({ row }) => (
            <TR key={row.channelArn} data-channel-id={row.channelId} data-ended="true">
              <TD className="font-medium">
                <ChannelLink row={row} label={label(row)} elsewhere={elsewhere} />
              </TD>
              <TD>
                <Badge>Ended</Badge>
              </TD>
              <TD colSpan={cols - 2} className="text-sm text-zinc-600 dark:text-zinc-400">
                The stream ended.
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {data.pages > 1 && (
        <nav aria-label="Pages" className="flex justify-end gap-2">
          {data.page > 1 && (
            <ButtonLink href={boardPageHref(data.page - 1, allRegions ? region : undefined)} size="sm">
              Previous
            </ButtonLink>
          )}
          {data.page < data.pages && (
            <ButtonLink href={boardPageHref(data.page + 1, allRegions ? region : undefined)} size="sm">
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

function ChannelLink({ row, label, elsewhere }: { row: BoardRow; label: string; elsewhere: boolean }) {
  const href = elsewhere ? `/find?q=${encodeURIComponent(row.channelArn)}` : `/channels/${row.channelId}`;
  return (
    <Link href={href} className="text-blue-700 hover:underline dark:text-blue-400">
      {label}
    </Link>
  );
}
