'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { writeClipboard } from '@/components/ui/clipboard';

export interface CopyButtonProps {
  /** The text to copy, or (for a secret) an audited fetch of it that throws an Error with the reason it failed. */
  value: string | (() => Promise<string>);
  /** The visible text, e.g. "Copy ARN". */
  label?: string;
  /** The accessible name when the visible text alone is not unique on the page; it must start with the visible text. */
  name?: string;
  /** Announced beside the button after a copy; a secret's copy says the value was not shown. */
  copiedText?: string;
}

const clipboardRefused = 'The browser did not allow copying to the clipboard.';

/**
 * Every copy button of the console: one look (a small secondary button), a name that stays the same
 * while it works (so nobody's focus or test loses it), and the outcome announced next to it.
 */
export function CopyButton({ value, label = 'Copy', name, copiedText = 'Copied' }: CopyButtonProps) {
  const [state, setState] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  // A success note fades after a few seconds; an error stays until the next try.
  useEffect(() => {
    if (state?.tone !== 'ok') return;
    const timer = setTimeout(() => setState(null), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    setPending(true);
    setState(null);
    try {
      const text = typeof value === 'string' ? value : await value();
      await writeClipboard(text).catch(() => Promise.reject(new Error(clipboardRefused)));
      setState({ tone: 'ok', text: copiedText });
    } catch (error) {
      setState({ tone: 'error', text: error instanceof Error && error.message ? error.message : 'The value could not be copied.' });
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void copy()} pending={pending} aria-label={name}>
        {!pending && <CopyIcon />}
        {label}
      </Button>
      <span role="status" className="text-xs text-green-700 dark:text-green-400">
        {state?.tone === 'ok' ? state.text : ''}
      </span>
      {state?.tone === 'error' && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.text}
        </span>
      )}
    </span>
  );
}

function CopyIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5 opacity-70">
      <path d="M7 3.5A1.5 1.5 0 0 1 8.5 2h6A1.5 1.5 0 0 1 16 3.5v9a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 7 12.5v-9ZM8.5 3.5v9h6v-9h-6Z" />
      <path d="M4 7.5A1.5 1.5 0 0 1 5.5 6H6v1.5h-.5v9h6V16H13v.5a1.5 1.5 0 0 1-1.5 1.5h-6A1.5 1.5 0 0 1 4 16.5v-9Z" />
    </svg>
  );
}
