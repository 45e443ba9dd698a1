import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { AuditEntry } from '@/lib/audit/types';
import { Time } from '@/components/ui/time';

const OUTCOME_TONE: Record<AuditEntry['outcome'], BadgeTone> = { success: 'green', failure: 'red', denied: 'yellow' };

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table aria-label="Audit log">
      <caption className="sr-only">Audit records, newest first</caption>
      <THead>
        <tr>
          <TH>Time</TH>
          <TH>User</TH>
          <TH>Action</TH>
          <TH>Resource</TH>
          <TH>Region</TH>
          <TH>Outcome</TH>
        </tr>
      </THead>
      <TBody>
        {entries.map((e) => (
          <TR key={e.id}>
            <TD className="font-mono text-xs whitespace-nowrap">
              <Time value={e.at} />
            </TD>
            <TD>
              <div className="max-w-56 truncate" title={e.user}>
                {e.user}
              </div>
              <div className="text-xs text-zinc-500 dark:text-zinc-400">{e.role}</div>
            </TD>
            <TD className="font-mono text-xs">{e.action}</TD>
            <TD className="max-w-80 font-mono text-xs break-all">
              {e.resourceArn ?? '—'}
              {e.parentArn && <div className="mt-1 text-zinc-600 dark:text-zinc-400">of {e.parentArn}</div>}
            </TD>
            <TD className="text-xs whitespace-nowrap">{e.region}</TD>
            <TD>
              <Badge tone={OUTCOME_TONE[e.outcome] ?? 'neutral'}>{e.outcome}</Badge>
              {e.error && <p className="mt-1 max-w-72 text-xs text-zinc-600 dark:text-zinc-400">{e.error}</p>}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
