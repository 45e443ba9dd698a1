import 'server-only';
import type { Db } from '@/lib/store/types';

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Whether the console's store answers: opened (migrations run) and a trivial query within 10 s (opening PGlite took 13 s on a loaded 2-core machine). A console
 * whose store cannot open cannot audit, so it refuses reveals and loses its records: health must say so,
 * not report ok. The reason goes to the server log only, since /api/health answers anyone.
 */
export async function probeStore(open: () => Promise<Db>): Promise<'ok' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([open().then((db) => db.query('SELECT 1')), timeout]);
    return 'ok';
  } catch (error) {
    console.error(`[store] health check failed: ${(error as Error).message}`);
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}
