import 'server-only';
import { liveChannelInfo } from '@/lib/ivs/live-channel-info';
import { liveSnapshot, type LiveSnapshot } from '@/lib/ivs/live-snapshot';
import type { HealthMetrics } from '@/lib/health/types';
import type { ChannelMetric } from '@/lib/metrics/catalogue';
import { readChannelMetrics } from '@/lib/metrics/read';
import { boardRows } from './rows';
import type { BoardPage, BoardRow, EndedChannel } from './types';

// The /live health board, for the page's first paint and its polling route alike. Per build:
// - IVS: the region's shared live snapshot (ListStreams, refreshed in the background whatever the
//   number of readers) and names/types of channels not seen yet (lib/ivs/live-channel-info.ts);
// - CloudWatch: BOARD_METRICS of EVERY live channel over BOARD_WINDOW_MS in ceil(live × 3 / 500)
//   GetMetricData calls, read at most once per METRICS_TTL_MS per region, in the background once a
//   first read exists (a board answers with the last read and never waits for the next);
// - the board itself is rebuilt only when the snapshot changed or BOARD_TTL_MS passed, so 50 open pages
//   cost what one does.

/** What the board needs: the sparkline's bitrate and the rules a metrics-only diagnosis can run. */
export const BOARD_METRICS: readonly ChannelMetric[] = ['IngestVideoBitrate', 'IngestFramerate', 'KeyframeInterval'];
export const BOARD_WINDOW_MS = 10 * 60_000;
// 10 s points: 60 per series, so 500 queries return 30,000 points, one GetMetricData page (100,800 max).
const PERIOD_S = 10;
export const METRICS_TTL_MS = 10_000;
const BOARD_TTL_MS = 5_000;
export const PAGE_SIZE = 50;
// How long a channel that left the board is reported as ended, so an open page can say so.
export const ENDED_KEEP_MS = 30_000;

export interface Board {
  fetchedAt: number;
  truncated: boolean;
  metricsError: string | null;
  rows: BoardRow[];
  ended: EndedChannel[];
}

interface MetricsRead {
  start: number;
  end: number;
  channels: Record<string, HealthMetrics>;
  /** Findings and sparklines computed from this read (rows.ts), reused by every rebuild until the next read. */
  memo: Map<string, Pick<BoardRow, 'findings' | 'bitrate'>>;
}

interface RegionMetrics {
  last?: MetricsRead;
  /** When the last read started; the next one starts METRICS_TTL_MS later at the earliest. */
  startedAt: number;
  inflight?: Promise<MetricsRead>;
  error: string | null;
}
const metricsByRegion = ((globalThis as { __liveBoardMetrics?: Map<string, RegionMetrics> }).__liveBoardMetrics ??= new Map());

async function readBoardMetrics(region: string, channelIds: string[]): Promise<MetricsRead> {
  // Aligned to the period so consecutive reads ask for the same points.
  const end = Math.floor(Date.now() / (PERIOD_S * 1000)) * PERIOD_S * 1000;
  const start = end - BOARD_WINDOW_MS;
  const out = await readChannelMetrics(region, {
    channelIds,
    start: new Date(start),
    end: new Date(end),
    metrics: BOARD_METRICS,
    period: PERIOD_S,
  });
  return { start, end, channels: out.channels, memo: new Map() };
}

/**
 * The board's metrics: at most one read per METRICS_TTL_MS per region, shared by every page. A board
 * never waits for a refresh once it has a read (the read of 500 channels takes seconds): it answers
 * with the last one and the next board has the new one. The set read is the live set at the time: a
 * channel that went live since shows "no data" until the next read. Not keyed by the channel set: with
 * hundreds live it changes every few seconds, and each change would cost a full read.
 */
export async function boardMetrics(region: string, channelIds: string[]): Promise<{ read: MetricsRead | null; error: string | null }> {
  let m = metricsByRegion.get(region);
  if (!m) metricsByRegion.set(region, (m = { startedAt: 0, error: null }));
  const state = m;
  if (!state.inflight && Date.now() - state.startedAt >= METRICS_TTL_MS) {
    state.startedAt = Date.now();
    const promise = readBoardMetrics(region, channelIds);
    state.inflight = promise;
    promise
      .then(
        (read) => Object.assign(state, { last: read, error: null }),
        (e: unknown) => {
          // Health, viewers and the ranking by health still stand without metrics: the board says what is missing.
          console.error('[live-board] metrics read failed:', e instanceof Error ? e.message : e);
          state.error = 'Metrics could not be read: findings and bitrate may be missing or old until the next refresh.';
        },
      )
      .finally(() => {
        if (state.inflight === promise) state.inflight = undefined;
      });
  }
  if (!state.last && state.inflight) await state.inflight.catch(() => undefined); // the first read: nothing to show before it
  return { read: state.last ?? null, error: state.error };
}

interface RegionBoard {
  snapshot?: LiveSnapshot;
  builtAt: number;
  promise?: Promise<Board>;
  /** channel ARN -> id of the channels on the last board, to tell which ones ended. */
  lastLive: Map<string, string>;
  ended: EndedChannel[];
}
const boards = ((globalThis as { __liveBoards?: Map<string, RegionBoard> }).__liveBoards ??= new Map());

async function build(region: string, snapshot: LiveSnapshot, r: RegionBoard): Promise<Board> {
  const [info, metrics] = await Promise.all([
    liveChannelInfo(
      region,
      snapshot.streams.map((s) => s.channelArn),
    ),
    boardMetrics(
      region,
      snapshot.streams.map((s) => s.channelId),
    ),
  ]);
  const end = metrics.read?.end ?? Date.now();
  const rows = boardRows({
    streams: snapshot.streams,
    info,
    metrics: metrics.read?.channels ?? {},
    start: metrics.read?.start ?? end - BOARD_WINDOW_MS,
    end,
    memo: metrics.read?.memo,
  });
  const now = Date.now();
  const live = new Map(snapshot.streams.map((s) => [s.channelArn, s.channelId]));
  const newlyEnded = [...r.lastLive].filter(([arn]) => !live.has(arn)).map(([, channelId]) => ({ channelId, endedAt: now }));
  const liveIds = new Set(live.values());
  r.ended = [...r.ended.filter((e) => now - e.endedAt < ENDED_KEEP_MS && !liveIds.has(e.channelId)), ...newlyEnded];
  r.lastLive = live;
  return { fetchedAt: snapshot.fetchedAt, truncated: snapshot.truncated, metricsError: metrics.error, rows, ended: r.ended };
}

/** The region's board, ranked over all live channels; built once per snapshot (or BOARD_TTL_MS) for every reader. */
export async function liveBoard(region: string): Promise<Board> {
  const snapshot = await liveSnapshot(region);
  let r = boards.get(region);
  if (!r) boards.set(region, (r = { builtAt: 0, lastLive: new Map(), ended: [] }));
  const fresh = r.snapshot === snapshot && Date.now() - r.builtAt < BOARD_TTL_MS;
  if (r.promise && fresh) return r.promise;
  const state = r;
  const promise = build(region, snapshot, state);
  Object.assign(state, { snapshot, builtAt: Date.now(), promise });
  promise.catch(() => {
    if (state.promise === promise) Object.assign(state, { snapshot: undefined, promise: undefined }); // errors are not kept
  });
  return promise;
}

/** One page of the ranked board (pages count from 1; past the last page answers the last). */
export function boardPage(board: Board, requested: number, pageSize = PAGE_SIZE): BoardPage {
  const total = board.rows.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pages, Math.max(1, Math.floor(requested) || 1));
  return {
    fetchedAt: board.fetchedAt,
    total,
    page,
    pages,
    pageSize,
    truncated: board.truncated,
    metricsError: board.metricsError,
    rows: board.rows.slice((page - 1) * pageSize, page * pageSize),
    ended: board.ended,
  };
}
