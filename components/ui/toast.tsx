'use client';

import { useEffect, useState } from 'react';
import { cn } from '@/components/ui/cn';

export type ToastTone = 'success' | 'error' | 'info';

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

// A module-level emitter, so any client component can call toast() without a context provider.
const listeners = new Set<(item: ToastItem) => void>();
let nextId = 1;

/** Shows a short message in the one Toaster mounted by the root layout. */
export function toast(message: string, opts: { tone?: ToastTone } = {}): void {
  const item = { id: nextId++, message, tone: opts.tone ?? 'info' };
  listeners.forEach((listener) => listener(item));
}

const tones: Record<ToastTone, string> = {
  success: 'border-green-600/40 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-100',
  error: 'border-red-600/40 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  info: 'border-zinc-300 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
};

// Errors stay longer: the operator may need to read the IVS error name.
const DURATION: Record<ToastTone, number> = { success: 4000, info: 5000, error: 9000 };

export function Toaster() {
  const [items, setItems] = useState<ToastItem[]>([]);

  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const listener = (item: ToastItem) => {
      setItems((current) => [...current.slice(-4), item]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        setItems((current) => current.filter((t) => t.id !== item.id));
      }, DURATION[item.tone]);
      timers.add(timer);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      timers.forEach(clearTimeout);
    };
  }, []);

  const dismiss = (id: number) => setItems((current) => current.filter((t) => t.id !== id));

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
    >
      {items.map((item) => (
        <div
          key={item.id}
          data-tone={item.tone}
          className={cn('pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg', tones[item.tone])}
        >
          <p className="flex-1 break-words">{item.message}</p>
          <button
            type="button"
            onClick={() => dismiss(item.id)}
            className="-m-1 rounded p-1 opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-600"
            aria-label="Dismiss notification"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}
