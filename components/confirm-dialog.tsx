'use client';

import { useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** Say what will happen, in the operator's terms ("The stream on channel X will stop"). */
  description: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** When set, the user must type this exact text before the confirm button enables. */
  requireText?: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  // Remount the body per opening so the typed confirmation never carries over to the next time.
  return (
    <Dialog open={props.open} onClose={() => !props.pending && props.onCancel()} title={props.title} footer={null}>
      {props.open && <ConfirmBody {...props} />}
    </Dialog>
  );
}

function ConfirmBody({
  description,
  confirmLabel,
  tone = 'danger',
  requireText,
  pending,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const ready = !requireText || typed === requireText;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !pending) onConfirm();
      }}
      className="space-y-4"
    >
      <div className="text-zinc-700 dark:text-zinc-300">{description}</div>
      {children}
      {requireText && (
        <div className="space-y-1.5">
          <label htmlFor={inputId} className="block text-sm font-medium">
            Type <span className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">{requireText}</span> to confirm
          </label>
          <Input
            id={inputId}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
        </div>
      )}
      <div className="-mx-5 -mb-4 flex flex-wrap justify-end gap-2 border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant={tone} disabled={!ready} pending={pending}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
}
