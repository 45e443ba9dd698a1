import type { ReactNode } from 'react';

/** A definition list of a resource's settings: term on the left, value on the right. */
export function DetailsList({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-[14rem_1fr] dark:border-zinc-800 dark:bg-zinc-900">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">{term}</dt>
          <dd className="min-w-0 break-words text-zinc-900 dark:text-zinc-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
