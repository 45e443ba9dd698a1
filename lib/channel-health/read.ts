import 'server-only';
import { diagnose } from '@/lib/health/diagnose';
import { CHANNEL_TYPE_LIMITS } from '@/lib/health/channel-limits';
import type { ChannelType, HealthMetrics } from '@/lib/health/types';
import { getChannel } from '@/lib/ivs/channels';
import { sharedRead } from '@/lib/ivs/read-cache';
import { recentSessions } from '@/lib/ivs/session-health';
import { readChannelMetrics } from '@/lib/metrics/read';
import { eventMarkers, starvationShading } from '@/lib/health/annotations';
import { hasPoints, overlaps, videoHeightOf } from './shape';
import type { ChannelHealthDto } from './types';

// A channel's stream health over the last `minutes`, in one answer: the metric series (ONE
// GetMetricData call), the sessions and the newest one's ingest and events (ListStreamSessions +
// GetStreamSession, shared across viewers by the read cache), and the findings.
//
// Findings are computed here rather than in the browser although lib/health is client-safe: the
// channel page sits 1 KB under its first-load budget, the rules are ~10 KB the client would otherwise
// download and run, and an answer with findings in it serves any other view (a board, a CLI) as is.

// The channel type changes only through an edit (which empties the read cache), so one GetChannel
// per minute per channel is enough, however many pages poll.
const CHANNEL_TTL_MS = 60_000;

const isChannelType = (t: string): t is ChannelType => t in CHANNEL_TYPE_LIMITS;

/** null when the channel does not exist. */
export async function readChannelHealth(region: string, id: string, minutes: number, now = Date.now()): Promise<ChannelHealthDto | null> {
  const channel = await sharedRead(region, JSON.stringify(['GetChannel', id]), () => getChannel(region, id), CHANNEL_TTL_MS);
  if (!channel) return null;
  // End on the current second: a 5-second period that has only begun is dropped by CloudWatch anyway.
  const end = Math.floor(now / 1000) * 1000;
  const start = end - minutes * 60_000;
  const [metrics, sessions] = await Promise.all([
    readChannelMetrics(region, { channelIds: [id], start: new Date(start), end: new Date(end) }),
    recentSessions(region, channel.arn),
  ]);
  const series: HealthMetrics = Object.fromEntries(
    Object.entries(metrics.channels[id] ?? {}).map(([name, s]) => [name, { timestamps: s.timestamps, values: s.values }]),
  );
  const channelType: ChannelType = isChannelType(channel.type) ? channel.type : 'STANDARD';
  const latest = sessions.latest && overlaps(sessions.latest, start, end) ? sessions.latest : null;
  const events = latest?.events ?? [];
  const findings = diagnose({
    channelType,
    metrics: series,
    ingest: latest?.ingest,
    events,
    sessions: sessions.spans.map((s) => ({ startTime: s.startTime, endTime: s.endTime })),
    now: end,
    // The rules judge the window the charts show, so a finding and the chart beside it agree.
    windowMs: minutes * 60_000,
  });
  return {
    channelId: id,
    channelType,
    start,
    end,
    period: metrics.period,
    live: sessions.latest?.endTime === null,
    hasData: hasPoints(series) || latest !== null,
    series,
    session: latest && {
      streamId: latest.streamId,
      startTime: latest.startTime,
      endTime: latest.endTime,
      videoHeight: videoHeightOf(latest.ingest),
    },
    shaded: starvationShading(events),
    markers: eventMarkers(events, { start, end }),
    findings,
  };
}
