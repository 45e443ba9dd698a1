import Link from 'next/link';
import type { ChannelLink } from './delete-panel';

/**
 * The channels that reference a configuration or policy, each linking to its channel page.
 * `truncated`: the listing stopped at its page cap, so these are not all of them.
 */
export function ChannelsUsing({ channels, kind, truncated = false }: { channels: ChannelLink[]; kind: string; truncated?: boolean }) {
  return (
    <section aria-labelledby="channels-using-heading" className="space-y-2">
      <h2 id="channels-using-heading" className="text-base font-semibold">
        Channels using this {kind} ({channels.length}
        {truncated && '+'})
      </h2>
      {truncated && (
        <p className="text-sm text-yellow-800 dark:text-yellow-300">Only the first {channels.length} are listed; IVS has more.</p>
      )}
      {channels.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No channel uses it.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
          {channels.map((c) => (
            <li key={c.arn} className="flex justify-between gap-4 px-4 py-2">
              <Link href={`/channels/${c.id}`} className="font-medium text-blue-700 hover:underline dark:text-blue-400">
                {c.name || c.id}
              </Link>
              <span className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{c.arn}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
