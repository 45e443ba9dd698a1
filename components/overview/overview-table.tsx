import { Suspense } from 'react';
import { RegionRow, RegionRowLoading } from '@/components/overview/region-row';
import { Table, TBody, TH, THead, TR } from '@/components/ui/table';
import { IVS_REGIONS } from '@/lib/ivs/regions';

export const OVERVIEW_COLUMNS = [
  'Region',
  'Channels',
  'Live now',
  'Viewers now',
  'Private channels',
  'Playback key pairs',
  'Recording configurations',
  'Restriction policies',
  'Status',
];

/** Every IVS region the console works in, each row streamed as soon as its region answered. */
export function OverviewTable({ current, fresh }: { current: string; fresh: boolean }) {
  return (
    <Table aria-label="IVS regions">
      <THead>
        <TR>
          {OVERVIEW_COLUMNS.map((c, i) => (
            <TH key={c} className={i > 0 && i < OVERVIEW_COLUMNS.length - 1 ? 'text-right' : undefined}>
              {c}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {IVS_REGIONS.map((r) => (
          <Suspense key={r.id} fallback={<RegionRowLoading id={r.id} name={r.name} current={r.id === current} />}>
            <RegionRow id={r.id} name={r.name} current={r.id === current} fresh={fresh} />
          </Suspense>
        ))}
      </TBody>
    </Table>
  );
}
