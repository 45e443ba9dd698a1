import 'server-only';
import { env } from '@/lib/env';
import { channelInfo, diagnoseLive, liveStreams, streamSessionEnd } from '@/lib/events/ivs-reads';
import { eventStore, purgeEvents, recordEvent } from '@/lib/events/store';
import { DIAGNOSIS_EVERY_MS, leaseMsFor, watcherHolder, watchTick, type WatchDeps } from '@/lib/events/watcher';
import { isIvsRegion } from '@/lib/ivs/regions';
import { store } from '@/lib/store';

const HOUR = 3_600_000;
/** Regions someone chose within this long are watched besides the default one. */
const REGION_IN_USE_MS = 30 * 86_400_000;

// Next bundles instrumentation.ts and the routes separately: one flag for the process, not per bundle.
const KEY = Symbol.for('ivs-console.events-started');
const slot = globalThis as typeof globalThis & { [KEY]?: boolean };

/** The default region and the regions users picked lately (user_preferences): the ones people look at. */
async function regionsInUse(): Promise<string[]> {
  const db = await store();
  const { rows } = await db.query<{ region: string }>(
    'SELECT DISTINCT region FROM user_preferences WHERE region IS NOT NULL AND updated_at > $1',
    [new Date(Date.now() - REGION_IN_USE_MS).toISOString()],
  );
  return [...new Set([env.defaultRegion, ...rows.map((r) => r.region).filter(isIvsRegion)])];
}

/** What the watcher reads with, for a look every `seconds` (the lease and the snapshot's age follow from it). */
function watchDeps(seconds: number): Omit<WatchDeps, 'db'> {
  const lastDiagnosis = new Map<string, number>();
  return {
    holder: HOLDER,
    leaseMs: leaseMsFor(seconds),
    regions: regionsInUse,
    // A snapshot a view fetched within the interval is as good as a new one.
    snapshot: (region) => liveStreams(region, seconds * 1000),
    channels: channelInfo,
    sessionEnd: (region, row) => streamSessionEnd(region, row),
    findings: async (region, rows, now) => {
      if (now - (lastDiagnosis.get(region) ?? 0) < DIAGNOSIS_EVERY_MS) return undefined;
      lastDiagnosis.set(region, now);
      return diagnoseLive(region, rows, now);
    },
    record: recordEvent,
  };
}

// One holder name per process, shared by its own loop and by cron requests it serves.
const HOLDER = watcherHolder();
/** A Vercel Cron request comes every minute at best; its lease covers that and lapses soon after. */
const CRON_SECONDS = 60;

/**
 * One look, for GET /api/cron/tick where no process lives between requests (Vercel). The lease still
 * decides: if another instance's loop holds it, that one is watching and this does nothing.
 */
export async function watchOnce(): Promise<{ leader: boolean; recorded: number }> {
  return watchTick({ ...watchDeps(CRON_SECONDS), db: await store() });
}

/**
 * At server start (instrumentation.ts): events retention now and hourly, and the watcher unless
 * EVENTS_WATCH_SECONDS=0; `onRecorded` after a look that recorded something (the alert dispatcher's kick).
 */
export async function startEvents(onRecorded: () => void = () => {}): Promise<void> {
  if (slot[KEY]) return;
  slot[KEY] = true;
  const days = env.EVENTS_RETENTION_DAYS;
  const purge = () =>
    purgeEvents(eventStore, days).then(
      (n) => n && console.log(`[events] retention: deleted ${n} events older than ${days} days`),
      (error: Error) => console.error(`[events] retention failed: ${error.message}`),
    );
  await purge();
  setInterval(purge, HOUR).unref();

  const seconds = env.EVENTS_WATCH_SECONDS;
  if (!seconds) return;
  const deps = watchDeps(seconds);
  const tick = async () => {
    try {
      // The store is asked on every tick: PostgreSQL down at start-up must not stop the watcher for good.
      const { recorded } = await watchTick({ ...deps, db: await store() });
      if (recorded > 0) onRecorded();
    } catch (error) {
      console.error(`[events] watcher tick failed: ${(error as Error).message}`);
    } finally {
      setTimeout(tick, seconds * 1000).unref();
    }
  };
  setTimeout(tick, seconds * 1000).unref();
}
