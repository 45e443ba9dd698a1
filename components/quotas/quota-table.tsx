import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { QuotaRow } from '@/lib/quotas/catalogue';

const n = (value: number) => value.toLocaleString('en-US');

function LevelBadge({ row }: { row: QuotaRow }) {
  if (row.level === 'full') return <Badge tone="red">At quota</Badge>;
  if (row.level === 'warning') return <Badge tone="yellow">Near quota</Badge>;
  return null;
}

/** Each quota with its applied value (and IVS's default when they differ), usage now and % used. */
export function QuotaTable({ rows }: { rows: QuotaRow[] }) {
  return (
    <Table aria-label="IVS quotas">
      <THead>
        <TR>
          <TH>Quota</TH>
          <TH className="text-right">Applied value</TH>
          <TH className="text-right">Usage now</TH>
          <TH className="text-right">% used</TH>
          <TH>Status</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR
            key={r.key}
            data-quota={r.key}
            data-level={r.level}
            className={cn(
              r.level === 'full' && 'bg-red-50/60 dark:bg-red-950/30',
              r.level === 'warning' && 'bg-yellow-50/60 dark:bg-yellow-950/20',
            )}
          >
            <TD>
              {r.name}
              {!r.adjustable && <span className="block text-xs text-zinc-500 dark:text-zinc-400">not adjustable</span>}
            </TD>
            <TD className="text-right tabular-nums">
              {n(r.applied)}
              {r.applied !== r.defaultValue && (
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">default {n(r.defaultValue)}</span>
              )}
            </TD>
            <TD className="text-right tabular-nums">
              {r.usage === null ? '—' : `${r.usageNote === 'at least' ? '≥ ' : ''}${n(r.usage)}`}
              {r.usageNote && r.usageNote !== 'at least' && (
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{r.usageNote}</span>
              )}
            </TD>
            <TD className={cn('text-right tabular-nums', r.level === 'full' && 'font-semibold text-red-700 dark:text-red-400')}>
              {r.percent === null ? '—' : `${r.percent} %`}
            </TD>
            <TD>
              <LevelBadge row={r} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
