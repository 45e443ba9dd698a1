'use client';

import { useRouter } from 'next/navigation';
import { useTransition, type ReactNode } from 'react';
import { setRegionAction } from '@/components/shell/actions';
import { buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { toast } from '@/components/ui/toast';
import { isIvsRegion } from '@/lib/ivs/regions';

/** Switches the console to `region` (the header's region switch action) and then opens `path`. */
export async function switchRegionAndOpen(region: string, path: string, push: (path: string) => void): Promise<boolean> {
  if (!isIvsRegion(region)) {
    toast(`${region} is not one of the regions this console works in.`, { tone: 'error' });
    return false;
  }
  const result = await setRegionAction({ region });
  if (!result.ok) {
    toast(result.error, { tone: 'error' });
    return false;
  }
  push(path);
  return true;
}

/** A link-like button: "open this in its region". `label` names it for assistive technology when the text alone would repeat. */
export function OpenInRegion({ region, path, label, children }: { region: string; path: string; label?: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      aria-label={label}
      disabled={pending}
      className={buttonClasses(
        'ghost',
        'sm',
        'h-auto px-1 py-0.5 font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400',
      )}
      onClick={() => startTransition(() => switchRegionAndOpen(region, path, router.push).then(() => undefined))}
    >
      {children}
      {pending && <Spinner />}
    </button>
  );
}
