'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { writeClipboard } from '@/components/ui/clipboard';

/** Copies a NON-secret value (ARNs, URLs). Secrets go through the audited reveal flow instead. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => writeClipboard(value).then(() => setState('copied'), () => setState('failed'))}
      aria-live="polite"
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </Button>
  );
}
