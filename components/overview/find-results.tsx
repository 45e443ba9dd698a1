import { OpenInRegion } from '@/components/overview/open-in-region';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { FindResult } from '@/lib/overview/find';

/** find-anywhere's matches; each opens in its own region. */
export function FindResults({ query, results, total }: { query: string; results: FindResult[]; total: number }) {
  if (!results.length)
    return (
      <EmptyState title={`Nothing matches “${query}”`} description="Names match in part, ids and ARNs whole; tags as key or key=value." />
    );
  return (
    <>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {total > results.length ? `The first ${results.length} of ${total} matches.` : `${total} ${total === 1 ? 'match' : 'matches'}.`}
      </p>
      <Table aria-label="Matches">
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>Kind</TH>
            <TH>Region</TH>
            <TH>Matched on</TH>
            <TH>Id</TH>
          </TR>
        </THead>
        <TBody>
          {results.map((r) => (
            <TR key={r.arn}>
              <TD>
                <OpenInRegion region={r.region} path={r.path} label={`Open ${r.label} ${r.name || r.id} in ${r.region}`}>
                  {r.name || r.id}
                </OpenInRegion>
              </TD>
              <TD>{r.label}</TD>
              <TD>{r.region}</TD>
              <TD>{r.matched}</TD>
              <TD className="font-mono text-xs">{r.id}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}
