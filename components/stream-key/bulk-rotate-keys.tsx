'use client';

import { useRef, useState } from 'react';
import { bulkRotateStreamKeyAction } from './actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { ConfirmDialog } from '@/components/confirm-dialog';

// IVS documents 5 TPS for DeleteStreamKey and CreateStreamKey; one rotation makes one of each, so
// starting rotations at least 200 ms apart stays within it (the server paces again on its side).
const MIN_START_INTERVAL_MS = 200;

type ItemResult = { status: 'pending' | 'done' | 'failed'; message: string };

const channelId = (arn: string) => arn.split('/').pop() ?? arn;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rotates the stream keys of the selected channels one by one, with progress, results and retry. Render for operators. */
export function BulkRotateKeysButton({ channelArns }: { channelArns: string[] }) {
  const [confirming, setConfirming] = useState(false);
  const [stopStreams, setStopStreams] = useState(false);
  const [results, setResults] = useState<Record<string, ItemResult> | null>(null);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);

  // Names this bulk run, made when the confirmation opens: the server rotates each channel once per
  // run however often its request arrives (a double click on confirm, a replay); "Retry failed"
  // reuses it, and only the failed channels' rotations run again.
  const runId = useRef('');

  async function rotateAll(arns: string[], stopStream: boolean) {
    cancelled.current = false;
    setRunning(true);
    setResults((prev) => ({ ...prev, ...Object.fromEntries(arns.map((arn) => [arn, { status: 'pending', message: 'Waiting' }])) }));
    let lastStart = 0;
    for (const channelArn of arns) {
      if (cancelled.current) break;
      await sleep(Math.max(0, lastStart + MIN_START_INTERVAL_MS - Date.now()));
      lastStart = Date.now();
      const result = await bulkRotateStreamKeyAction({ channelArn, stopStream, requestId: runId.current }).catch(() => ({
        ok: false as const,
        error: 'The console could not reach the server.',
      }));
      const item: ItemResult = result.ok ? { status: 'done', message: result.data.message } : { status: 'failed', message: result.error };
      setResults((prev) => ({ ...prev, [channelArn]: item }));
    }
    setRunning(false);
  }

  const entries = results ? Object.entries(results) : [];
  const finished = entries.filter(([, r]) => r.status !== 'pending').length;
  const failed = entries.filter(([, r]) => r.status === 'failed').map(([arn]) => arn);
  const count = channelArns.length;

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        disabled={count === 0}
        onClick={() => {
          runId.current = crypto.randomUUID();
          setConfirming(true);
        }}
      >
        Rotate stream keys{count ? ` (${count})` : ''}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={`Rotate the stream keys of ${count} channel${count === 1 ? '' : 's'}?`}
        confirmLabel="Rotate keys"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          setResults({});
          void rotateAll(channelArns, stopStreams);
        }}
        description={
          <p>
            Each channel’s current key stops working for new connections at once and a new key is created; encoders need the new keys to
            stream again. Keys are rotated one channel at a time, within IVS’s 5 calls per second.
          </p>
        }
      >
        <Checkbox
          id="bulk-rotate-stop-streams"
          label="Also stop live streams"
          description="Off: live streams keep running on their current connection until their encoders disconnect."
          checked={stopStreams}
          onChange={(e) => setStopStreams(e.target.checked)}
        />
      </ConfirmDialog>
      <Dialog
        open={results !== null}
        onClose={() => !running && setResults(null)}
        title="Rotating stream keys"
        footer={
          <>
            {running && (
              <Button variant="secondary" onClick={() => (cancelled.current = true)}>
                Stop after this channel
              </Button>
            )}
            {!running && failed.length > 0 && (
              <Button onClick={() => void rotateAll(failed, stopStreams)}>Retry failed ({failed.length})</Button>
            )}
            <Button variant="secondary" disabled={running} onClick={() => setResults(null)}>
              Close
            </Button>
          </>
        }
      >
        <div className="space-y-3">
          <label className="block space-y-1">
            <span className="text-sm" aria-live="polite">
              {finished} of {entries.length} done{failed.length ? `, ${failed.length} failed` : ''}
            </span>
            <progress className="h-2 w-full accent-blue-600" max={entries.length || 1} value={finished} />
          </label>
          <ul className="max-h-64 space-y-1 overflow-y-auto text-sm">
            {entries.map(([arn, r]) => (
              <li key={arn} className="flex gap-2" data-status={r.status}>
                <span className="w-28 shrink-0 font-mono">{channelId(arn)}</span>
                <span
                  className={
                    r.status === 'failed'
                      ? 'text-red-700 dark:text-red-400'
                      : r.status === 'done'
                        ? 'text-green-700 dark:text-green-400'
                        : 'text-zinc-500 dark:text-zinc-400'
                  }
                >
                  {r.message}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </Dialog>
    </>
  );
}
