import type { ComponentProps } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * A table in a horizontally scrolling frame, so wide tables never break the page layout. `scrollable`:
 * a table wide enough to scroll at ordinary widths gets a frame that takes keyboard focus (a named
 * region), so it can be scrolled without a mouse (WCAG scrollable-region-focusable).
 */
export function Table({ className, scrollable = false, ...props }: ComponentProps<'table'> & { scrollable?: boolean }) {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': `${props['aria-label'] ?? 'Table'} (scrolls sideways)` } : {})}
    >
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('bg-zinc-50 text-zinc-600 dark:bg-zinc-900/60 dark:text-zinc-400', className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-zinc-200 dark:divide-zinc-800', className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('hover:bg-zinc-50/70 dark:hover:bg-zinc-800/40', className)} {...props} />;
}

export function TH({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn('border-b border-zinc-200 px-4 py-2.5 text-xs font-semibold tracking-wide uppercase dark:border-zinc-800', className)}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-3 align-middle text-zinc-800 dark:text-zinc-200', className)} {...props} />;
}
