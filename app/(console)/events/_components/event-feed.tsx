'use client';

import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { eventsPageHref, eventsQueryString, type EventsForm } from '@/lib/events/feed-url';
import { EVENT_KIND_LABELS, type ConsoleEvent, type EventSeverity } from '@/lib/events/types';
import { Acknowledgement } from './acknowledgement';
import { useEvents, type EventsPageDto } from './events-query';

const SEVERITY_TONE: Record<EventSeverity, BadgeTone> = { critical: 'red', warning: 'yellow', info: 'blue' };

const channelIdOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const channelLabel = (e: ConsoleEvent) => (typeof e.data?.channelName === 'string' && e.data.channelName) || channelIdOf(e.channelArn);

interface Props {
  form: EventsForm;
  /** The cursor this page starts after; undefined on the newest page, the only one that updates itself. */
  before?: string;
  initial: EventsPageDto;
  /** Operators and admins acknowledge events; viewers see who did. */
  canAcknowledge: boolean;
}

/** The events of one page, newest first; the newest page polls, so new events appear at the top. */
export function EventFeed({ form, before, initial, canAcknowledge }: Props) {
  const live = !before;
  const { data, isError, error } = useEvents(eventsQueryString(form, before), initial, live);
  const { events, next } = data;

  return (
    <div className="space-y-3">
      {isError && <p className="text-xs text-yellow-800 dark:text-yellow-300">{error.message} Showing the last events loaded.</p>}
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-6 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {before ? 'No older events.' : 'No events yet. They appear here as they happen.'}
        </p>
      ) : (
        <Table aria-label="Events">
          <caption className="sr-only">Events, newest first</caption>
          <THead>
            <tr>
              <TH>Time</TH>
              <TH>Severity</TH>
              <TH>Event</TH>
              <TH>Channel</TH>
              <TH>Region</TH>
            </tr>
          </THead>
          <TBody>
            {events.map((e) => {
              const id = channelIdOf(e.channelArn);
              return (
                <TR key={e.id} data-kind={e.kind} data-severity={e.severity}>
                  <TD className="font-mono text-xs whitespace-nowrap">
                    <Time value={e.occurredAt} />
                  </TD>
                  <TD>
                    <Badge tone={SEVERITY_TONE[e.severity]}>{e.severity}</Badge>
                  </TD>
                  <TD className="max-w-xl">
                    <div className="text-xs text-zinc-600 dark:text-zinc-400">{EVENT_KIND_LABELS[e.kind] ?? e.kind}</div>
                    <div className="font-medium">{e.title}</div>
                    <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{e.detail}</p>
                    <Acknowledgement event={e} canAcknowledge={canAcknowledge} />
                  </TD>
                  <TD className="text-sm">
                    <Link href={`/channels/${id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                      {channelLabel(e)}
                    </Link>
                    {e.streamId && (
                      <div className="mt-1 text-xs">
                        <Link
                          href={`/channels/${id}/sessions/${e.streamId}`}
                          className="text-blue-700 hover:underline dark:text-blue-400"
                          aria-label={`Session ${e.streamId} of ${channelLabel(e)}`}
                        >
                          Session <span className="font-mono">{e.streamId}</span>
                        </Link>
                      </div>
                    )}
                  </TD>
                  <TD className="text-xs whitespace-nowrap">
                    {e.region}
                    <div className="text-zinc-600 dark:text-zinc-400">{e.source === 'eventbridge' ? 'EventBridge' : 'watcher'}</div>
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      <nav aria-label="Event pages" className="flex items-center justify-between gap-4 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">
          {live ? 'Newest events, updated every 5 seconds' : 'Older events'} · {events.length} shown
        </span>
        <div className="flex gap-2">
          {before && (
            <ButtonLink size="sm" href={eventsPageHref(form)}>
              Newest events
            </ButtonLink>
          )}
          {/* Keyset paging: "Older events" starts after this page's last event, so no page costs more than the first. */}
          {next && (
            <ButtonLink size="sm" href={eventsPageHref(form, next)}>
              Older events
            </ButtonLink>
          )}
        </div>
      </nav>
    </div>
  );
}
