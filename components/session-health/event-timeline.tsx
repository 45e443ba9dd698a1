import { Badge } from '@/components/ui/badge';
import { Time } from '@/components/ui/time';
import type { SessionEventView } from '@/lib/session-health/types';
import { SeverityBadge } from './severity';

/** The session's events in order, each decoded in plain English with its code explained. */
export function EventTimeline({ events }: { events: SessionEventView[] }) {
  return (
    <section aria-labelledby="events" className="space-y-2">
      <h2 id="events" className="text-base font-semibold">
        Event timeline
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No events.</p>
      ) : (
        <ol className="space-y-2 border-l-2 border-zinc-200 pl-4 text-sm dark:border-zinc-800" aria-label="Events">
          {events.map((e, i) => (
            <li key={i}>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                  <Time value={e.eventTime} />
                </span>
                <span className="font-medium">{e.name || 'Unnamed event'}</span>
                {e.severity !== 'info' && <SeverityBadge severity={e.severity} />}
                {e.code && <Badge tone="yellow">{e.code}</Badge>}
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{e.type}</span>
              </p>
              <p className="text-zinc-700 dark:text-zinc-300">
                {e.line}
                {!e.known && ' (not in the documented event list; shown as IVS reported it)'}
              </p>
              {e.fix && (
                <p className="text-zinc-700 dark:text-zinc-300">
                  <span className="font-medium">Fix: </span>
                  {e.fix}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
