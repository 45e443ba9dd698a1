'use client';

import { useState } from 'react';
import { Checkbox } from '@/components/ui/checkbox';
import { ConfirmDialog } from '@/components/confirm-dialog';

interface KeyDialogProps {
  open: boolean;
  live: boolean;
  pending: boolean;
  onConfirm: (stopStream: boolean) => void;
  onCancel: () => void;
}

/** Says exactly what rotation does; on a live channel, offers stopping the stream (on by default). */
export function RotateKeyDialog({ open, live, pending, onConfirm, onCancel }: KeyDialogProps) {
  const [stop, setStop] = useState(true);
  return (
    <ConfirmDialog
      open={open}
      title="Rotate the stream key?"
      confirmLabel="Rotate key"
      pending={pending}
      onConfirm={() => onConfirm(live && stop)}
      onCancel={onCancel}
      description={
        <div className="space-y-2">
          <p>
            The current key stops working for new connections at once. A new key is created and shown masked; encoders need it to stream
            again.
          </p>
          {live && (
            <p>
              This channel is live. Encoders reconnect by themselves, so the old key is deleted first, then the stream is stopped, then the
              new key is created.
            </p>
          )}
        </div>
      }
    >
      {live && (
        <Checkbox
          id="rotate-stop-stream"
          label="Stop the current stream"
          description="Without this, the stream keeps running on its current connection until the encoder disconnects."
          checked={stop}
          onChange={(e) => setStop(e.target.checked)}
        />
      )}
    </ConfirmDialog>
  );
}

/** Disabling ingest deletes the key and creates none: nobody can start a stream until a key is created. */
export function DisableIngestDialog({ open, live, pending, onConfirm, onCancel }: KeyDialogProps) {
  const [stop, setStop] = useState(true);
  return (
    <ConfirmDialog
      open={open}
      title="Disable ingest?"
      confirmLabel="Disable ingest"
      pending={pending}
      onConfirm={() => onConfirm(live && stop)}
      onCancel={onCancel}
      description={
        <p>
          The stream key is deleted and no new one is created: nobody can start a stream on this channel until you create a stream key
          again. Playback settings are not changed.
        </p>
      }
    >
      {live && (
        <Checkbox
          id="disable-stop-stream"
          label="Stop the current stream"
          description="Without this, the stream keeps running on its current connection until the encoder disconnects."
          checked={stop}
          onChange={(e) => setStop(e.target.checked)}
        />
      )}
    </ConfirmDialog>
  );
}
