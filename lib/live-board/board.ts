import 'server-only';
import { liveChannelInfo } from '@/lib/ivs/live-channel-info';
import { liveSnapshot, type LiveSnapshot } from '@/lib/ivs/live-snapshot';
import { sharedRead } from '@/lib/ivs/read-cache';
import type { HealthMetrics } from '@/lib/health/types';
import type { ChannelMetric } from '@/lib/metrics/catalogue';
import { readChannelMetrics } from '@/lib/metrics/read';
import { boardRows } from './rows';
import type { BoardPage, BoardRow, EndedChannel } from './types';

// The /live health board, for the page's first paint and its polling route alike. Per build:
// - IVS: the region's shared live snapshot (ListStreams, refreshed in the background whatever the
//   number of readers) and names/types of channels not seen yet (lib/ivs/live-channel-info.ts);
// - CloudWatch: BOARD_METRICS of EVERY live channel over BOARD_WINDOW_MS in ceil(live × 3 / 500)
//   GetMetricData calls, read at most once per METRICS_TTL_MS per region;
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
}

/** The board's metrics for these channels: one read per METRICS_TTL_MS per region, shared by every page. */
export function boardMetrics(region: string, channelIds: string[]): Promise<MetricsRead> {
  // The key is not the channel set: with hundreds live it changes every few seconds, and each change would
  // cost a full read. A channel that went live since the last read shows "no data" for up to 10 s.
  return sharedRead(
    region,
    'LiveBoardMetrics',
    async () => {
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
      return { start, end, channels: out.channels };
    },
    METRICS_TTL_MS,
  );
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
    ).then(
      (m) => ({ m, error: null }),
      // Health, viewers and the ranking by health still stand without metrics: the board says what is missing.
      (e: unknown) => {
        console.error('[live-board] metrics read failed:', e instanceof Error ? e.message : e);
        return { m: null, error: 'Metrics could not be read: findings and bitrate are missing until the next refresh.' };
      },
    ),
  ]);
  const end = metrics.m?.end ?? Date.now();
  const rows = boardRows({
    streams: snapshot.streams,
    info,
    metrics: metrics.m?.channels ?? {},
    start: metrics.m?.start ?? end - BOARD_WINDOW_MS,
    end,
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
