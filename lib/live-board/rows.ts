import { diagnose, worstSeverity } from '@/lib/health';
import type { ChannelType, HealthMetrics } from '@/lib/health/types';
import { compareBoardRows } from './rank';
import { bitrateSparkline } from './sparkline';
import type { BoardRow } from './types';

// Pure: the board's rows from what the server read (no AWS here, so it is unit-tested as is).

export interface StreamLike {
  channelArn: string;
  channelId: string;
  streamId: string;
  health: string;
  viewerCount: number;
  startTime: string | null;
}

export interface BoardInputs {
  streams: StreamLike[];
  /** channel ARN -> name and type */
  info: Map<string, { name: string; type: string }>;
  /** channel id -> metrics over the window; a channel missing here has no data yet. */
  metrics: Record<string, HealthMetrics>;
  start: number;
  end: number;
  /**
   * Findings and sparkline per channel id and type, kept by the caller for as long as `metrics` is the
   * same read: they depend on nothing else, so a rebuild for a new snapshot only re-ranks.
   */
  memo?: Map<string, Derived>;
}

type Derived = Pick<BoardRow, 'findings' | 'bitrate'>;

const TYPES = new Set<ChannelType>(['BASIC', 'STANDARD', 'ADVANCED_SD', 'ADVANCED_HD']);
const asType = (t: string | undefined): ChannelType => (TYPES.has(t as ChannelType) ? (t as ChannelType) : 'STANDARD');

/** Every live channel diagnosed from its metrics alone and ranked worst first. */
export function boardRows({ streams, info, metrics, start, end, memo = new Map() }: BoardInputs): BoardRow[] {
  const derive = (channelId: string, type: ChannelType): Derived => {
    const key = `${channelId}/${type}`;
    const known = memo.get(key);
    if (known) return known;
    const m = metrics[channelId] ?? {};
    // Metrics only: no per-channel GetStreamSession (its events and ingest configuration) on a board of
    // hundreds; STARVING comes from ListStreams' health instead of the session's events.
    const findings = diagnose({ channelType: type, metrics: m, now: end, windowMs: end - start });
    const out = {
      findings: { count: findings.length, worst: worstSeverity(findings), top: findings[0]?.title ?? null },
      bitrate: bitrateSparkline(m.IngestVideoBitrate, start, end),
    };
    memo.set(key, out);
    return out;
  };
  const rows = streams.map((s): BoardRow => {
    const channel = info.get(s.channelArn);
    return {
      channelArn: s.channelArn,
      channelId: s.channelId,
      name: channel?.name ?? '',
      streamId: s.streamId,
      health: s.health,
      viewerCount: s.viewerCount,
      startTime: s.startTime,
      ...derive(s.channelId, asType(channel?.type)),
    };
  });
  return rows.sort(compareBoardRows);
}
