'use client';

import { useEffect, useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { SignInAgainButton } from '@/components/shell/sign-in-again-button';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { SIGN_IN_AGAIN } from '@/lib/auth/recent-sign-in';

export type SecretAction = () => Promise<ActionResult<{ value: string }>>;

export interface SecretFieldProps {
  id: string;
  label: string;
  /** Shown instead of the value; contains no part of it. */
  mask: string;
  /** Operator and admin: Reveal and Copy. A viewer sees the mask only (and the server refuses anyway). */
  canReveal: boolean;
  /** Audited server actions; each call fetches the value afresh and is recorded. */
  reveal: SecretAction;
  copy: SecretAction;
  revealSeconds?: number;
}

/** A secret shown masked; an explicit Reveal shows it for a limited time, Copy copies it without showing it. */
export function SecretField({ id, label, mask, canReveal, reveal, copy, revealSeconds = 30 }: SecretFieldProps) {
  const [revealed, setRevealed] = useState<{ value: string; until: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server wants a fresh sign-in for secrets (REVEAL_MAX_SESSION_AGE_MINUTES): say so and offer one.
  const [signInAgain, setSignInAgain] = useState(false);
  const refused = (result: ActionResult<unknown> | null) => {
    setSignInAgain(result?.ok === false && result.code === SIGN_IN_AGAIN);
    setError((result?.ok === false && result.error) || 'The value could not be fetched. Try again.');
  };
  // True once React has hydrated this field, so tests (and nothing else) can wait before clicking.
  const hydrated = useHydrated();
  const left = revealed ? Math.max(0, Math.ceil((revealed.until - now) / 1000)) : 0;

  // Re-mask when the time is up: the value leaves React state, not just the screen.
  useEffect(() => {
    if (!revealed) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= revealed.until) setRevealed(null);
    }, 250);
    return () => clearInterval(timer);
  }, [revealed]);

  async function onReveal() {
    setPending(true);
    setError(null);
    setSignInAgain(false);
    const result = await reveal().catch(() => null);
    setPending(false);
    if (!result?.ok) return refused(result);
    const start = Date.now();
    setNow(start);
    setRevealed({ value: result.data.value, until: start + revealSeconds * 1000 });
  }

  // The copy fetches the value afresh (audited) and never shows it.
  async function fetchForCopy(): Promise<string> {
    setSignInAgain(false);
    const result = await copy().catch(() => null);
    // A refusal for want of a recent sign-in also offers one, below the field, as a reveal's does.
    if (result?.ok === false && result.code === SIGN_IN_AGAIN) setSignInAgain(true);
    if (!result?.ok) throw new Error(result?.error ?? 'The value could not be fetched. Try again.');
    return result.data.value;
  }

  return (
    <div className="space-y-1.5">
      <div id={`${id}-label`} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {label}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <code
          id={id}
          aria-labelledby={`${id}-label`}
          data-revealed={revealed ? 'true' : 'false'}
          data-hydrated={hydrated ? 'true' : 'false'}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm break-all dark:border-zinc-700 dark:bg-zinc-950"
        >
          {revealed ? revealed.value : mask}
        </code>
        {canReveal && (
          <div className="flex gap-2">
            {revealed ? (
              <Button variant="secondary" size="sm" onClick={() => setRevealed(null)} aria-label={`Hide ${label.toLowerCase()}`}>
                Hide
              </Button>
            ) : (
              <Button variant="secondary" size="sm" onClick={onReveal} pending={pending} aria-label={`Reveal ${label.toLowerCase()}`}>
                Reveal
              </Button>
            )}
            <CopyButton
              value={fetchForCopy}
              label="Copy"
              name={`Copy ${label.toLowerCase()}`}
              copiedText="Copied to the clipboard (not shown). Copying was recorded in the audit log."
            />
          </div>
        )}
      </div>
      {revealed && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid={`${id}-countdown`}>
          Visible for {left} s, then masked again. Revealing was recorded in the audit log.
        </p>
      )}
      {error && (
        <div role="alert" className="flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-400">
          <p>{error}</p>
          {signInAgain && <SignInAgainButton />}
        </div>
      )}
      {!error && signInAgain && <SignInAgainButton />}
    </div>
  );
}
