import type { ChannelLink } from './delete-panel';

export type StepState = { status: 'working' | 'done' } | { status: 'failed'; message: string };

const LABEL = { waiting: 'waiting', working: 'detaching…', done: 'detached', failed: 'failed' } as const;
const TONE = {
  waiting: 'text-zinc-500 dark:text-zinc-400',
  working: 'text-blue-700 dark:text-blue-400',
  done: 'text-green-700 dark:text-green-400',
  failed: 'text-red-700 dark:text-red-400',
} as const;

/** One line per channel with where the detach run is; announced politely as it advances. */
export function DetachProgress({ channels, steps }: { channels: ChannelLink[]; steps: Record<string, StepState> }) {
  return (
    <ul aria-label="Channels to detach" aria-live="polite" className="space-y-1 text-sm">
      {channels.map((c) => {
        const step = steps[c.arn];
        const status = step?.status ?? 'waiting';
        return (
          <li key={c.arn} className="flex flex-wrap justify-between gap-2">
            <span>{c.name || c.id}</span>
            <span className={TONE[status]}>{LABEL[status]}</span>
            {step?.status === 'failed' && <span className="w-full text-red-700 dark:text-red-400">{step.message}</span>}
          </li>
        );
      })}
    </ul>
  );
}
