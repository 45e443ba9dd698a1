import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { CHANNEL_TYPES, type Grouping } from '@/lib/usage/catalogue';
import type { UsageRow } from '@/lib/usage/report';

const hours = (h: number) => h.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const GROUP_LABEL: Record<Grouping, string> = { channel: 'Channel', tag: 'Tag value', region: 'Region' };

/** The report as a plain table (no charts: the page stays light); the last row is the total. */
export function UsageTable({
  rows,
  total,
  grouping,
  currency,
}: {
  rows: UsageRow[];
  total: UsageRow;
  grouping: Grouping;
  currency: string | null;
}) {
  const money = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { style: 'currency', currency: currency ?? 'USD' }));
  const cells = (r: UsageRow) => (
    <>
      <TD className="text-right tabular-nums">{r.channels}</TD>
      {CHANNEL_TYPES.map((t) => (
        <TD key={t} className="text-right tabular-nums" data-col={`input-${t}`}>
          {hours(r.inputHours[t])}
        </TD>
      ))}
      <TD className="text-right tabular-nums" data-col="input">
        {hours(r.inputHoursTotal)}
      </TD>
      <TD className="text-right tabular-nums" data-col="delivered">
        {hours(r.deliveredHours)}
      </TD>
      <TD className="text-right tabular-nums" data-col="recorded">
        {hours(r.recordedHours)}
      </TD>
      <TD className="text-right tabular-nums" data-col="peak">
        {r.peakViews.toLocaleString('en-US')}
      </TD>
      {currency && <TD className="text-right tabular-nums">{money(r.estimate)}</TD>}
    </>
  );
  return (
    <Table aria-label="IVS usage" scrollable>
      <THead>
        <TR>
          <TH>{GROUP_LABEL[grouping]}</TH>
          <TH className="text-right">Channels</TH>
          {CHANNEL_TYPES.map((t) => (
            <TH key={t} className="text-right">
              Input h {t}
            </TH>
          ))}
          <TH className="text-right">Input h</TH>
          <TH className="text-right">Delivered h</TH>
          <TH className="text-right">Recorded h</TH>
          <TH className="text-right">Peak views</TH>
          {currency && <TH className="text-right">Estimate ({currency})</TH>}
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key} data-usage-row={r.label}>
            <TD>{r.label}</TD>
            {cells(r)}
          </TR>
        ))}
        <TR data-usage-row="total" className="font-semibold">
          <TD>Total</TD>
          {cells(total)}
        </TR>
      </TBody>
    </Table>
  );
}
