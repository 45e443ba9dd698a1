import 'server-only';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { NewConsoleEvent } from '@/lib/events/types';
import {
  diffObservation,
  goneStreams,
  unknownChannels,
  type EndInfo,
  type Observation,
  type ObservedStream,
  type SessionEnd,
  type WatchRow,
} from '@/lib/events/observe';
import { loadWatchState, saveWatchState, STOP_LOOKBACK_MS, stoppedFromConsole } from '@/lib/events/watch-state';
import type { Finding } from '@/lib/health/types';
import type { LiveSnapshot } from '@/lib/ivs/live-snapshot';
import { takeLease } from '@/lib/store/lease';
import type { Db } from '@/lib/store/types';

// The event watcher: every EVENTS_WATCH_SECONDS it looks at the live channels the console already reads,
// compares with its last look (kept in the store) and records what changed. One instance of a fleet runs
// it at a time, whichever holds the lease; the others keep asking and take over once it expires.

export const WATCHER_LEASE = 'events-watcher';
/** Diagnosis (one metrics read for all live channels) at most this often: findings build up over minutes. */
export const DIAGNOSIS_EVERY_MS = 60_000;

/** Everything a look reads, injectable so a test can drive the watcher with made-up observations. */
export interface WatchDeps {
  db: Db;
  holder: string;
  leaseMs: number;
  regions: () => Promise<string[]>;
  snapshot: (region: string) => Promise<Pick<LiveSnapshot, 'fetchedAt' | 'truncated'> & { streams: ObservedStream[] }>;
  channels: (region: string, arns: string[]) => Promise<Map<string, { name: string | null; type: string | null }>>;
  sessionEnd: (region: string, row: WatchRow) => Promise<SessionEnd>;
  /** Findings per channel, or undefined when no diagnosis is due on this look. */
  findings: (region: string, rows: WatchRow[], now: number) => Promise<Map<string, Finding[]> | undefined>;
  record: (event: NewConsoleEvent) => Promise<{ inserted: boolean }>;
  maxEndLookups?: number;
}

const NO_END: SessionEnd = { endedAt: null, recordingFailures: [] };

const log = (what: string, error: unknown) => console.error(`[events] ${what}: ${error instanceof Error ? error.message : String(error)}`);

/** One look at one region: events for what changed since the last look, then the new state. */
export async function watchRegion(deps: WatchDeps, region: string): Promise<number> {
  const snap = await deps.snapshot(region);
  const prev = await loadWatchState(deps.db, region);
  const obs: Observation = {
    region,
    at: snap.fetchedAt,
    streams: snap.streams,
    complete: !snap.truncated,
    channels: new Map(),
    findings: new Map(),
  };
  const unknown = unknownChannels(prev, obs);
  if (unknown.length)
    obs.channels = await deps.channels(region, unknown).catch((error) => (log('channel lookup failed', error), new Map()));

  const gone = goneStreams(prev, obs);
  const ends = new Map<string, EndInfo>();
  if (gone.length) {
    const since = Math.min(...gone.map((r) => r.observedAt)) - STOP_LOOKBACK_MS;
    const stopped = await stoppedFromConsole(deps.db, [...new Set(gone.map((r) => r.channelArn))], since);
    const lookups = deps.maxEndLookups ?? 25;
    await Promise.all(
      gone.map(async (row, i) =>
        ends.set(row.channelArn, {
          ...(i < lookups ? await deps.sessionEnd(region, row).catch(() => NO_END) : NO_END),
          stoppedFromConsole: stopped.has(row.channelArn),
        }),
      ),
    );
  }

  // Diagnose with what is known after this look: the current streams, with types found just now.
  const { rows: draft } = diffObservation(prev, obs, ends);
  const findings = await deps.findings(region, draft, obs.at).catch((error) => (log('diagnosis failed', error), undefined));
  if (findings) obs.findings = findings;
  const { events, rows } = diffObservation(prev, obs, ends);

  let recorded = 0;
  // Events first, state second: a look that dies in between is repeated, and dedupe keys drop the repeats.
  for (const event of events) if ((await deps.record(event)).inserted) recorded++;
  await saveWatchState(deps.db, region, rows);
  return recorded;
}

/** One tick: if this instance holds (or takes) the lease, a look at every watched region. */
export async function watchTick(deps: WatchDeps): Promise<{ leader: boolean; recorded: number }> {
  if (!(await takeLease(deps.db, WATCHER_LEASE, deps.holder, deps.leaseMs))) return { leader: false, recorded: 0 };
  let recorded = 0;
  for (const region of await deps.regions()) {
    recorded += await watchRegion(deps, region).catch((error) => (log(`look at ${region} failed`, error), 0));
  }
  return { leader: true, recorded };
}

/** This process's name in the lease table: host and pid, and a token since containers all run as pid 1. */
export const watcherHolder = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** The lease outlives a few missed ticks, so a slow look does not hand the watcher over, but a dead leader's lapses soon. */
export const leaseMsFor = (seconds: number) => Math.max(30_000, seconds * 3_000);
