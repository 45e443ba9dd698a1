import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import type { DeliveryRow } from '@/lib/alerts/deliveries';

const TONES: Record<DeliveryRow['status'], BadgeTone> = { sent: 'green', failed: 'red', pending: 'yellow', sending: 'blue' };

/** The last 50 deliveries: when, which rule, which event, how it went. No URL, no body. */
export function DeliveriesTable({ rows }: { rows: DeliveryRow[] }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No deliveries yet" description="Notifications sent by the rules above, and test notifications, are listed here." />
    );
  return (
    <Table aria-label="Recent deliveries">
      <THead>
        <tr>
          <TH>Time</TH>
          <TH>Rule</TH>
          <TH>Event</TH>
          <TH>Status</TH>
          <TH>HTTP</TH>
          <TH>Attempts</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((d) => (
          <TR key={d.id} data-delivery-status={d.status}>
            <TD>
              <Time value={d.createdAt} />
            </TD>
            <TD>{d.ruleName}</TD>
            <TD>
              <span className="font-mono text-xs">{d.eventKind}</span> {d.eventTitle}
            </TD>
            <TD>
              <Badge tone={TONES[d.status]}>{d.status}</Badge>
              {d.lastError && <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{d.lastError}</span>}
              {d.nextAttemptAt && (
                <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">
                  next try <Time value={d.nextAttemptAt} />
                </span>
              )}
            </TD>
            <TD>{d.httpStatus ?? '—'}</TD>
            <TD>{d.attempts}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
