import 'server-only';
import type { AuditStore } from '@/lib/audit/types';

const BATCH = 1000;

/** Deletes records older than `days`, a batch at a time with a pause between, so writers never wait long. */
export async function purgeOlderThan(store: AuditStore, days: number, now = new Date(), pauseMs = 50): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let total = 0;
  for (;;) {
    const n = await store.deleteOlderThan(cutoff, BATCH);
    total += n;
    if (n < BATCH) return total;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}
