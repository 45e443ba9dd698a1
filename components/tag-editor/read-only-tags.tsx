'use client';

import { useId } from 'react';

/** The tags of a resource for someone who may not change them: no inputs, no buttons. */
export function ReadOnlyTags({ tags, title }: { tags: Record<string, string>; title: string }) {
  const headingId = useId();
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No tags.</p>
      ) : (
        <dl aria-label={title} className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-zinc-700 dark:text-zinc-300">{k}</dt>
              <dd className="font-mono break-all">{v || <span className="text-zinc-500 dark:text-zinc-400">(empty)</span>}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
