'use client';

import { copyStreamKeyAction } from './actions';
import { ingestUrls } from '@/lib/ivs/stream-key-format';
import { CopyButton } from '@/components/ui/copy-button';

export interface EncoderSetupProps {
  channelArn: string;
  keyArn: string | null;
  canCopyKey: boolean;
  ingestEndpoint: string;
  insecureIngest: boolean;
}

/** What an operator types into OBS (or any RTMPS encoder): server URL, stream key, a few settings. */
export function EncoderSetup({ channelArn, keyArn, canCopyKey, ingestEndpoint, insecureIngest }: EncoderSetupProps) {
  const urls = ingestUrls(ingestEndpoint);

  // Fetched afresh (and audited) at each copy, never shown.
  async function fetchKey(): Promise<string> {
    const result = keyArn ? await copyStreamKeyAction({ channelArn, streamKeyArn: keyArn }).catch(() => null) : null;
    if (!result?.ok) throw new Error(result?.error ?? 'The stream key could not be fetched.');
    return result.data.value;
  }

  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold">Encoder set-up</h3>
      <UrlRow label="Server (RTMPS)" copyLabel="Copy server URL" value={urls.rtmps} />
      {insecureIngest && <UrlRow label="Server (RTMP, insecure ingest)" copyLabel="Copy RTMP server URL" value={urls.rtmp} />}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="w-48 shrink-0 text-zinc-600 sm:w-[12rem] dark:text-zinc-400">Stream key</span>
        {!keyArn ? (
          <span className="text-zinc-600 dark:text-zinc-400">None: create a stream key first.</span>
        ) : canCopyKey ? (
          // Its own name: the stream key field above has a "Copy stream key" button too.
          <CopyButton value={fetchKey} label="Copy key for the encoder" copiedText="Stream key copied (not shown)." />
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">Ask an operator for the stream key.</span>
        )}
      </div>
      <details className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        <summary className="cursor-pointer font-medium">OBS settings</summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="text-zinc-600 dark:text-zinc-400">Settings → Stream → Service</dt>
          <dd>Custom…</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Server</dt>
          <dd className="font-mono break-all">{urls.rtmps}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Stream Key</dt>
          <dd>Paste it with “Copy key for the encoder” (never share it: anyone with it can stream here)</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Output → Keyframe interval</dt>
          <dd>2 s</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Output → Rate control</dt>
          <dd>CBR, at most 8,500 Kbps (Standard and Advanced channels) or 1,500 Kbps (Basic)</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Output → B-frames</dt>
          <dd>0 for the lowest latency</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Video</dt>
          <dd>Up to 1080p, 30 or 60 fps</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Audio</dt>
          <dd>AAC, 48 kHz, up to 160 Kbps</dd>
        </dl>
      </details>
    </div>
  );
}

function UrlRow({ label, copyLabel, value }: { label: string; copyLabel: string; value: string }) {
  return (
    <div className="grid items-center gap-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)_auto]">
      <span className="text-zinc-600 dark:text-zinc-400">{label}</span>
      <code className="min-w-0 rounded bg-zinc-100 px-2 py-1 font-mono break-all dark:bg-zinc-800">{value}</code>
      <CopyButton value={value} label={copyLabel} />
    </div>
  );
}
