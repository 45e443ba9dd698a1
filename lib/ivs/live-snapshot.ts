import 'server-only';
import { ListStreamsCommand, type StreamSummary } from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { resourceIdFromArn } from '@/lib/ivs/arn';
import { PAGE_SIZE, pagesOf, readAllPages } from '@/lib/ivs/list-all';

/** One live stream, as the list, /live, the channel page and the polling route show it. */
export interface LiveStreamDto {
  channelArn: string;
  channelId: string;
  streamId: string;
  state: string;
  health: string;
  viewerCount: number;
  startTime: string | null;
}

export interface LiveSnapshot {
  fetchedAt: number;
  streams: LiveStreamDto[];
  /** The pass stopped at its page cap: there are more live streams than `streams`. */
  truncated: boolean;
}

export function toLiveStreamDto(s: StreamSummary): LiveStreamDto {
  const channelArn = s.channelArn ?? '';
  return {
    channelArn,
    channelId: resourceIdFromArn(channelArn),
    streamId: s.streamId ?? '',
    state: s.state ?? 'LIVE',
    health: s.health ?? 'UNKNOWN',
    viewerCount: s.viewerCount ?? 0,
    startTime: s.startTime ? new Date(s.startTime).toISOString() : null,
  };
}

async function fetchAllStreams(region: string): Promise<LiveSnapshot> {
  // Capped like every listing: a runaway pass (a service that keeps handing out tokens) would
  // otherwise never finish, and every reader of the region waits on it.
  const pages = pagesOf((nextToken) => ivsClient(region).send(new ListStreamsCommand({ maxResults: PAGE_SIZE, nextToken })));
  const { items, truncated } = await readAllPages(pages, (p) => p.streams);
  return { fetchedAt: Date.now(), streams: items.map(toLiveStreamDto), truncated };
}

// One live-state snapshot per region, kept fresh by a background refresher: a pass (every
// ListStreams page) every REFRESH_MS while the region has had a reader (list view, /live, polling
// route, export) in the last IDLE_STOP_MS, then it stops. On a long-lived server readers never pay
// for a pass once a snapshot exists, so the ListStreams cost is per region and per REFRESH_MS
// (ceil(live/100) calls), whatever the number of views, tabs or polls. The timer is only that saving,
// never what keeps answers right: a serverless host freezes the process between responses and no
// timer runs, so a reader finding the snapshot older than SNAPSHOT_STALE_MS (two refresh periods)
// waits for a pass itself, shared with every other reader (single flight).
// Kept on globalThis because Next loads this module once per route bundle (and once for
// instrumentation.ts).
export const REFRESH_MS = 5_000;
export const IDLE_STOP_MS = 60_000;
export const SNAPSHOT_STALE_MS = 2 * REFRESH_MS;

interface RegionState {
  gen: number;
  lastRead: number;
  snapshot?: LiveSnapshot;
  inflight?: Promise<LiveSnapshot>;
  lastPassAt: number;
  timer?: ReturnType<typeof setTimeout>;
}
const regions = ((globalThis as { __ivsLiveRegions?: Map<string, RegionState> }).__ivsLiveRegions ??= new Map());

function stateOf(region: string): RegionState {
  let s = regions.get(region);
  if (!s) regions.set(region, (s = { gen: 0, lastRead: 0, lastPassAt: 0 }));
  return s;
}

// Concurrent callers share the pass in flight. A pass stores its result unless the console changed
// live state (invalidate) after it started; a failed pass keeps the last good snapshot.
function startPass(region: string, s: RegionState): Promise<LiveSnapshot> {
  if (s.inflight) return s.inflight;
  const gen = s.gen;
  s.lastPassAt = Date.now();
  const promise = fetchAllStreams(region);
  s.inflight = promise;
  const settle = () => {
    if (s.inflight === promise) s.inflight = undefined;
    schedule(region, s);
  };
  promise.then((snapshot) => {
    if (s.gen === gen) s.snapshot = snapshot;
    settle();
  }, settle);
  return promise;
}

// The next pass REFRESH_MS after the last one started, as long as someone read the region recently.
function schedule(region: string, s: RegionState): void {
  if (s.timer || s.inflight) return;
  if (Date.now() - s.lastRead > IDLE_STOP_MS) return; // nobody is looking: stop
  const wait = Math.max(0, s.lastPassAt + REFRESH_MS - Date.now());
  s.timer = setTimeout(() => {
    s.timer = undefined;
    if (Date.now() - s.lastRead > IDLE_STOP_MS) return;
    startPass(region, s).catch(() => undefined); // the error stays with the pass; the next one retries
  }, wait);
  s.timer.unref?.();
}

/** The region's live streams: the current snapshot at once, or the first pass when there is none. */
export function liveSnapshot(region: string): Promise<LiveSnapshot> {
  const s = stateOf(region);
  s.lastRead = Date.now();
  const snap = s.snapshot;
  if (snap && Date.now() - snap.fetchedAt < SNAPSHOT_STALE_MS) {
    schedule(region, s);
    return Promise.resolve(snap);
  }
  return startPass(region, s);
}

/**
 * Starts one pass without marking the region as read (server start-up): the first view finds a
 * snapshot, and the refresher only runs once someone actually looks at the region.
 */
export function warmLiveSnapshot(region: string): Promise<LiveSnapshot> {
  const s = stateOf(region);
  return s.snapshot ? Promise.resolve(s.snapshot) : startPass(region, s);
}

/**
 * The snapshot if it is at most maxAgeMs old, else a pass, without marking the region as read: a
 * background reader (the event watcher) reuses what views already fetched but never keeps the
 * refresher running when nobody looks, so with no page open it costs one pass per look.
 */
export function recentLiveSnapshot(region: string, maxAgeMs: number): Promise<LiveSnapshot> {
  const s = stateOf(region);
  if (s.snapshot && Date.now() - s.snapshot.fetchedAt <= maxAgeMs) return Promise.resolve(s.snapshot);
  return startPass(region, s);
}

/** Forget the snapshot after the console itself changed live state (stop stream): readers wait for a new pass. */
export function invalidateLiveSnapshot(region: string): void {
  const s = stateOf(region);
  s.gen++;
  s.snapshot = undefined;
  s.inflight = undefined; // a pass started before the change must not answer readers after it
}

/** Join helper: channel ARN -> live stream. */
export function byChannel(snapshot: LiveSnapshot): Map<string, LiveStreamDto> {
  return new Map(snapshot.streams.map((s) => [s.channelArn, s]));
}
