'use client';

import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { switchRegionAndOpen } from '@/components/overview/open-in-region';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { isIvsRegion } from '@/lib/ivs/regions';
import { arnDestination } from '@/lib/overview/find';

/**
 * The header's find-anywhere box. A plain GET form to /find (works before hydration); once hydrated,
 * a pasted ARN opens at once in its own region, anything else goes to /find without a full reload.
 */
export function FindBox() {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <form
      role="search"
      action="/find"
      method="get"
      className="flex items-center gap-2"
      onSubmit={(event) => {
        const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
        if (!q) return event.preventDefault();
        event.preventDefault();
        const arn = arnDestination(q);
        startTransition(async () => {
          if (arn?.path && isIvsRegion(arn.region)) await switchRegionAndOpen(arn.region, arn.path, router.push);
          else router.push(`/find?q=${encodeURIComponent(q)}`);
        });
      }}
    >
      <label htmlFor={id} className="sr-only">
        Find anywhere
      </label>
      <Input id={id} name="q" type="search" required maxLength={300} placeholder="Find name, id, ARN, tag…" className="h-8 w-56 text-sm" />
      {pending && <Spinner className="text-zinc-500 dark:text-zinc-400" />}
    </form>
  );
}
