'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/action-result';
import { deletePlaybackKeyPairAction } from '../actions';

export function DeleteKeyPairButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  const confirm = async () => {
    setPending(true);
    const res = await deletePlaybackKeyPairAction({ id });
    setPending(false);
    if (!res.ok) return setResult(res);
    setOpen(false);
    toast(`Deleted playback key pair ${label}.`, { tone: 'success' });
    router.push('/playback-keys');
    router.refresh();
  };

  return (
    <>
      <Button
        variant="danger"
        onClick={() => {
          setResult(null);
          setOpen(true);
        }}
      >
        Delete key pair
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete playback key pair ${label}?`}
        description={
          <>
            <p>
              IVS will forget the public key of <strong>{label}</strong>. Every playback token signed with its private key stops working:
              viewers of private channels who hold such a token can no longer start or continue playback.
            </p>
            <p className="mt-2">
              Your copy of the private key is not affected, but it becomes useless unless its public key is imported again.
            </p>
          </>
        }
        confirmLabel="Delete key pair"
        pending={pending}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <FormError result={result} />
      </ConfirmDialog>
    </>
  );
}
