import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Time } from '@/components/ui/time';

const LABELS: Record<string, string> = {
  recorded: 'Recorded as events',
  duplicate: 'Duplicates (already recorded)',
  ignored: 'Valid, not a console event',
  unauthorized: 'Refused: missing or wrong secret (401)',
  malformed: 'Refused: not an IVS event (400)',
  'too-large': 'Refused: too large (413)',
};

/** What POST /api/events/eventbridge did with deliveries, counted (a refused body is never kept). */
export function IntakeCounts({
  enabled,
  counts,
}: {
  enabled: boolean;
  counts: Array<{ outcome: string; count: number; lastAt: string | null }>;
}) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {enabled
          ? 'POST /api/events/eventbridge accepts IVS events from an EventBridge API destination (docs/eventbridge.md).'
          : 'Off: set EVENTBRIDGE_SECRET to accept IVS events from EventBridge (docs/eventbridge.md).'}
      </p>
      <Table aria-label="EventBridge deliveries by outcome">
        <THead>
          <tr>
            <TH>Outcome</TH>
            <TH>Count</TH>
            <TH>Last</TH>
          </tr>
        </THead>
        <TBody>
          {counts.map((c) => (
            <TR key={c.outcome} data-intake-outcome={c.outcome}>
              <TD>{LABELS[c.outcome] ?? c.outcome}</TD>
              <TD>{c.count}</TD>
              <TD>
                <Time value={c.lastAt} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
