import { OpenInRegion } from '@/components/overview/open-in-region';
import { TD, TR } from '@/components/ui/table';
import { regionInventoryWithin, REGION_WAIT_MS } from '@/lib/overview/cache';
import { describeRegionFailures } from '@/lib/overview/failures';
import type { RegionInventory } from '@/lib/overview/types';

const n = (value: number | undefined, atLeast = false) =>
  value === undefined ? '—' : `${atLeast ? '≥ ' : ''}${value.toLocaleString('en-US')}`;

function RegionName({ id, name, current }: { id: string; name: string; current: boolean }) {
  return (
    <TD>
      <OpenInRegion region={id} path="/channels" label={`Open ${id} (${name}) channels`}>
        {id}
      </OpenInRegion>
      <span className="block text-xs text-zinc-500 dark:text-zinc-400">
        {name}
        {current && ' · current region'}
      </span>
    </TD>
  );
}

function counts(inv: RegionInventory) {
  const channels = inv.channels;
  return [
    n(channels?.items.length, channels?.truncated),
    n(inv.live?.count, inv.live?.truncated),
    n(inv.live?.viewers, inv.live?.truncated),
    n(channels?.items.filter((c) => c.authorized).length, channels?.truncated),
    n(inv.keyPairs?.length),
    n(inv.recordingConfigurations?.length),
    n(inv.restrictionPolicies?.length),
  ];
}

/** One region's row: its counts, or what went wrong there, never holding up the other rows. */
export async function RegionRow({ id, name, current, fresh }: { id: string; name: string; current: boolean; fresh: boolean }) {
  const answer = await regionInventoryWithin(id, { fresh });
  const problems =
    'timedOut' in answer
      ? [`IVS in ${id} has not answered within ${REGION_WAIT_MS / 1000} s. The read goes on; reload to see it.`]
      : describeRegionFailures(id, answer.inventory.failures);
  const cells = 'timedOut' in answer ? Array<string>(7).fill('—') : counts(answer.inventory);
  return (
    <TR data-region={id}>
      <RegionName id={id} name={name} current={current} />
      {cells.map((value, i) => (
        <TD key={i} className="text-right tabular-nums">
          {value}
        </TD>
      ))}
      <TD className="max-w-md text-sm">
        {problems.length ? (
          <ul className="space-y-1 text-red-700 dark:text-red-400">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">OK</span>
        )}
      </TD>
    </TR>
  );
}

/** The row while its region is read. */
export function RegionRowLoading({ id, name, current }: { id: string; name: string; current: boolean }) {
  return (
    <TR data-region={id} aria-busy="true">
      <RegionName id={id} name={name} current={current} />
      <TD colSpan={8} className="text-zinc-500 dark:text-zinc-400">
        Reading {id}…
      </TD>
    </TR>
  );
}
