'use client';

import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { copyStreamKeyAction, createStreamKeyAction, disableIngestAction, revealStreamKeyAction, rotateStreamKeyAction } from './actions';
import type { ActionResult } from '@/lib/action-result';
import { hasRole, type Role } from '@/lib/auth/roles';
import { maskStreamKey, type StreamKeyChange } from '@/lib/ivs/stream-key-format';
import { Button } from '@/components/ui/button';
import { EncoderSetup } from '@/components/stream-key/encoder-setup';
import { SecretField } from '@/components/stream-key/secret-field';

// The confirmations load after the page, not with it: they are only seen once a button is pressed.
const dialogs = () => import('@/components/stream-key/key-change-dialogs');
const RotateKeyDialog = dynamic(() => dialogs().then((m) => m.RotateKeyDialog), { ssr: false });
const DisableIngestDialog = dynamic(() => dialogs().then((m) => m.DisableIngestDialog), { ssr: false });

export interface StreamKeyControlsProps {
  channelArn: string;
  /** The key's ARN from ListStreamKeys (never its value); null when the channel has no key. */
  initialKeyArn: string | null;
  role: Role;
  live: boolean;
  ingestEndpoint: string;
  insecureIngest: boolean;
}

type Notice = { tone: 'info' | 'success' | 'error'; text: string };

export function StreamKeyControls({ channelArn, initialKeyArn, role, live, ingestEndpoint, insecureIngest }: StreamKeyControlsProps) {
  // The key an action just produced, until a server render reflects a change: a refresh that started
  // before the action (still naming the old key) must not replace what the operator was just shown.
  const [changed, setChanged] = useState<{ keyArn: string | null; basedOn: string | null } | null>(null);
  const keyArn = changed && changed.basedOn === initialKeyArn ? changed.keyArn : initialKeyArn;
  const setKeyArn = (next: string | null) => setChanged({ keyArn: next, basedOn: initialKeyArn });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<'rotate' | 'disable' | null>(null);
  const [pending, setPending] = useState(false);
  const operator = hasRole(role, 'operator');
  const router = useRouter();

  // Not a transition: the result must show at once, not wait for the page refresh that follows it.
  async function run(work: () => Promise<ActionResult<StreamKeyChange>>) {
    setPending(true);
    const result = await work().catch(() => ({
      ok: false as const,
      error: 'The console could not reach the server. Reload the page to see the key.',
    }));
    setPending(false);
    setDialog(null);
    if (result.ok) {
      setKeyArn(result.data.keyArn);
      const tone = result.data.outcome.startsWith('already') ? 'info' : 'success';
      // Announced once, by the notice beside the key (a toast as well made screen readers say it twice).
      setNotice({ tone, text: result.data.message });
    } else {
      if ('code' in result && result.code === 'NoStreamKey') setKeyArn(null);
      setNotice({ tone: 'error', text: result.error });
    }
    // Other server-rendered parts (live state, the key's tags) follow the key change.
    router.refresh();
  }

  return (
    <div className="space-y-5">
      {keyArn ? (
        <div className="space-y-2">
          <SecretField
            key={keyArn}
            id="stream-key"
            label="Stream key"
            mask={maskStreamKey(keyArn)}
            canReveal={operator}
            reveal={() => revealStreamKeyAction({ channelArn, streamKeyArn: keyArn })}
            copy={() => copyStreamKeyAction({ channelArn, streamKeyArn: keyArn })}
          />
          <p className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400" data-testid="stream-key-arn">
            {keyArn}
          </p>
          {operator && (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" size="sm" onClick={() => setDialog('rotate')} disabled={pending}>
                Rotate key
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setDialog('disable')} disabled={pending}>
                Disable ingest
              </Button>
            </div>
          )}
        </div>
      ) : (
        <div
          role="alert"
          className="space-y-2 rounded-lg border border-yellow-400 bg-yellow-50 px-4 py-3 text-sm dark:border-yellow-700 dark:bg-yellow-950/50"
        >
          <p className="font-semibold text-yellow-900 dark:text-yellow-100">This channel has no stream key</p>
          <p className="text-yellow-900 dark:text-yellow-200">
            Nobody can stream to this channel until a stream key is created (ingest is disabled).
          </p>
          {operator && (
            <Button size="sm" pending={pending} onClick={() => void run(() => createStreamKeyAction({ channelArn }))}>
              Create stream key
            </Button>
          )}
        </div>
      )}
      {/* The status region is always there, so a screen reader hears what is put into it. */}
      <div role="status">
        {notice && notice.tone !== 'error' && (
          <p data-testid="stream-key-notice" className="text-sm text-zinc-700 dark:text-zinc-300">
            {notice.text}
          </p>
        )}
      </div>
      {notice?.tone === 'error' && (
        <p role="alert" data-testid="stream-key-notice" className="text-sm text-red-700 dark:text-red-400">
          {notice.text}
        </p>
      )}
      <EncoderSetup
        channelArn={channelArn}
        keyArn={keyArn}
        canCopyKey={operator}
        ingestEndpoint={ingestEndpoint}
        insecureIngest={insecureIngest}
      />
      {keyArn && (
        <>
          <RotateKeyDialog
            open={dialog === 'rotate'}
            live={live}
            pending={pending}
            onCancel={() => setDialog(null)}
            onConfirm={(stopStream) => void run(() => rotateStreamKeyAction({ channelArn, expectedKeyArn: keyArn, stopStream }))}
          />
          <DisableIngestDialog
            open={dialog === 'disable'}
            live={live}
            pending={pending}
            onCancel={() => setDialog(null)}
            onConfirm={(stopStream) => void run(() => disableIngestAction({ channelArn, expectedKeyArn: keyArn, stopStream }))}
          />
        </>
      )}
    </div>
  );
}
