'use client';

import { cn } from '@/components/ui/cn';

// The stream-health window: the choices the page offers (the route takes any 5 to 180 minutes), kept
// in the URL (?health=60) so a shared or reloaded link shows the same window.
export const RANGES = [5, 15, 30, 60, 180] as const;
export const DEFAULT_RANGE = 30;
const PARAM = 'health';

const label = (m: number) => (m < 60 ? `${m} min` : `${m / 60} h`);

/** "30 minutes", "hour", "3 hours": as in "the last …". */
export const rangeWords = (m: number) => (m === 60 ? 'hour' : m % 60 === 0 ? `${m / 60} hours` : `${m} minutes`);

export function rangeFromUrl(): number {
  const m = Number(new URLSearchParams(window.location.search).get(PARAM));
  return (RANGES as readonly number[]).includes(m) ? m : DEFAULT_RANGE;
}

export function saveRangeInUrl(m: number) {
  const url = new URL(window.location.href);
  if (m === DEFAULT_RANGE) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, String(m));
  window.history.replaceState(window.history.state, '', url);
}

export function RangePicker({ value, onChange }: { value: number; onChange: (m: number) => void }) {
  return (
    <div role="group" aria-label="Time range" className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
      {RANGES.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={m === value}
          onClick={() => onChange(m)}
          className={cn(
            'rounded px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400',
            m === value
              ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
              : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
          )}
        >
          {label(m)}
        </button>
      ))}
    </div>
  );
}
