'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { setRegionAction } from './actions';
import { Select } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { Spinner } from '@/components/ui/spinner';
import { IVS_REGIONS } from '@/lib/ivs/regions';

/** Region picker in the header: saves the choice server-side, then re-renders the page for that region. */
export function RegionSwitcher({ region }: { region: string }) {
  const id = useId();
  const router = useRouter();
  const [value, setValue] = useState(region);
  const [pending, startTransition] = useTransition();
  const known = IVS_REGIONS.some((r) => r.id === region);

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-zinc-600 dark:text-zinc-400">
        Region
      </label>
      <Select
        id={id}
        value={value}
        disabled={pending}
        className="h-8 w-auto py-0 text-sm"
        onChange={(event) => {
          const next = event.target.value;
          const previous = value;
          setValue(next);
          startTransition(async () => {
            const result = await setRegionAction({ region: next as (typeof IVS_REGIONS)[number]['id'] });
            if (!result.ok) {
              setValue(previous);
              toast(result.error, { tone: 'error' });
              return;
            }
            router.refresh();
          });
        }}
      >
        {!known && <option value={region}>{region}</option>}
        {IVS_REGIONS.map((r) => (
          <option key={r.id} value={r.id} title={r.name}>
            {r.id}
          </option>
        ))}
      </Select>
      {pending && <Spinner className="text-zinc-500 dark:text-zinc-400" />}
    </div>
  );
}
