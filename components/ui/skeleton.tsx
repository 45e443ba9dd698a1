'use client';

// A client component although it has no state: every loading.tsx travels in each page's RSC payload
// (for client-side navigation), and as server components the skeleton cells went there one element
// and class list at a time (about 16 KB of every /channels response). As a client component the
// payload carries one reference and its props.
import { cn } from '@/components/ui/cn';

export function Skeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cn('animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800', className)} />
  );
}

/** A placeholder table shown while a list loads; announced once as "Loading". */
export function TableSkeleton({ rows = 5, cols = 4 }: { rows?: number; cols?: number }) {
  return (
    <div role="status" aria-busy="true" className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <span className="sr-only">Loading…</span>
      <div className="flex gap-4 border-b border-zinc-200 bg-zinc-50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
        {Array.from({ length: cols }, (_, c) => (
          <Skeleton key={c} className="h-3 flex-1" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4 border-b border-zinc-100 px-4 py-4 last:border-0 dark:border-zinc-800/60">
          {Array.from({ length: cols }, (_, c) => (
            <Skeleton key={c} className="h-4 flex-1" />
          ))}
        </div>
      ))}
    </div>
  );
}
