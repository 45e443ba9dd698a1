import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TrackTable, Verdict } from '@/lib/session-health/ingest-limits';

const TONE = { over: 'red', advice: 'yellow', within: 'green' } as const;

function VerdictCell({ verdict, text }: { verdict: Verdict; text: string }) {
  if (verdict === 'none') return <span className="text-zinc-600 dark:text-zinc-400">{text || '—'}</span>;
  return <Badge tone={TONE[verdict]}>{text}</Badge>;
}

/** What the encoder sent, track by track, beside what the channel's type accepts. */
export function IngestLimitTables({ tables, channelType }: { tables: TrackTable[]; channelType: string }) {
  return (
    <section aria-labelledby="ingest-config" className="space-y-3">
      <h2 id="ingest-config" className="text-base font-semibold">
        Ingest configuration and {channelType} limits
      </h2>
      {tables.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">IVS reported no ingest configuration for this session.</p>
      ) : (
        tables.map((t) => (
          <Table key={`${t.kind}:${t.track}`} aria-label={`Ingest configuration: ${t.kind} track ${t.track}`}>
            <caption className="px-3 py-2 text-left text-sm font-medium">
              {t.kind === 'video' ? 'Video' : 'Audio'} track {t.track}
            </caption>
            <THead>
              <tr>
                <TH>Setting</TH>
                <TH>This session</TH>
                <TH>Limit for {channelType}</TH>
                <TH>Check</TH>
              </tr>
            </THead>
            <TBody>
              {t.rows.map((r) => (
                <TR key={r.setting}>
                  <th scope="row" className="px-4 py-3 text-left font-medium text-zinc-800 dark:text-zinc-200">
                    {r.setting}
                  </th>
                  <TD className={r.setting === 'Codec' ? 'font-mono text-xs' : undefined}>{r.value}</TD>
                  <TD>{r.limit}</TD>
                  <TD>
                    <VerdictCell verdict={r.verdict} text={r.verdictText} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ))
      )}
    </section>
  );
}
