'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * IVS creates a configuration in CREATING and moves it to ACTIVE or CREATE_FAILED once it has checked
 * the bucket; while any shown configuration is CREATING, re-render the server page every few seconds.
 */
export function RefreshWhileCreating({ creating, intervalMs = 2500 }: { creating: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!creating) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [creating, intervalMs, router]);
  return creating ? (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      IVS is checking the S3 bucket; this page updates by itself until the state settles.
    </p>
  ) : null;
}
