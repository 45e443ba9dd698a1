import 'server-only';
import { CHANNEL_TYPE_LIMITS, decodeEvent, diagnose, type ChannelType, type HealthMetrics } from '@/lib/health';
import { median } from '@/lib/health/series';
import { channelArn } from '@/lib/ivs/channels';
import { describeIvsError } from '@/lib/ivs/errors';
import { sharedRead } from '@/lib/ivs/read-cache';
import { getStreamSession, listStreamSessions } from '@/lib/ivs/streams';
import { CHANNEL_METRICS } from '@/lib/metrics/catalogue';
import { readChannelMetrics } from '@/lib/metrics/read';
import { checksMade } from './checks';
import { ingestLimitTables } from './ingest-limits';
import { eventMarkers, starvationShading } from '@/lib/health/annotations';
import { retentionNote } from './retention';
import type { SessionHealth } from './types';
import { sessionWindow } from './window';

const channelTypeOf = (t: string): ChannelType => (t in CHANNEL_TYPE_LIMITS ? (t as ChannelType) : 'STANDARD');

// The channel's recent sessions only feed the reconnect rule; a live session page polls every 10 s, and
// the sessions before this one do not change meanwhile, so viewers of a region share one answer a while.
const recentSessions = (region: string, arn: string) =>
  sharedRead(region, `session-health:ListStreamSessions:${arn}`, () => listStreamSessions(region, arn), 30_000);

/**
 * Everything the stream session page shows, from three calls: GetStreamSession (which carries the
 * channel, type included), ListStreamSessions (shared, for reconnect loops) and one GetMetricData for
 * every series over the session's window. Null when IVS has no such session. A CloudWatch failure
 * leaves the session readable and says why its charts are empty.
 */
export async function readSessionHealth(
  region: string,
  channelId: string,
  streamId: string,
  now = Date.now(),
): Promise<SessionHealth | null> {
  const arn = await channelArn(region, channelId);
  if (!arn) return null;
  const [session, list] = await Promise.all([getStreamSession(region, arn, streamId), recentSessions(region, arn)]);
  if (!session) return null;
  const channelType = channelTypeOf(session.channelType);
  const w = sessionWindow(session.startTime, session.endTime, now);

  let series: HealthMetrics = {};
  let period = 0;
  let metricsError: string | null = null;
  try {
    const data = await readChannelMetrics(region, {
      channelIds: [channelId],
      start: new Date(w.start),
      end: new Date(Math.max(w.end, w.start + 1000)),
    });
    period = data.period;
    const byMetric = data.channels[channelId];
    series = Object.fromEntries(CHANNEL_METRICS.map((m) => [m, { timestamps: byMetric[m].timestamps, values: byMetric[m].values }]));
  } catch (error) {
    metricsError = `CloudWatch metrics could not be read: ${describeIvsError(error).message}`;
  }
  const hasMetrics = Object.values(series).some((s) => s.timestamps.length > 0);
  const keyframes = (series.KeyframeInterval?.values ?? []).filter(Number.isFinite);
  const videoHeight = session.ingestConfig.video[0]?.videoHeight || undefined;
  // StreamEventInput's time is optional, not nullable.
  const events = session.events.map((e) => ({ ...e, eventTime: e.eventTime ?? undefined }));
  const sessions = list.sessions.map((s) => ({ startTime: s.startTime ?? '', endTime: s.endTime })).filter((s) => s.startTime);

  const findings = diagnose({
    channelType,
    metrics: series,
    ingest: session.ingestConfig,
    events,
    sessions,
    now: w.sessionEnd,
    windowMs: Math.max(1000, w.sessionEnd - w.start),
    windowScope: 'session',
  });

  return {
    channelId,
    streamId: session.streamId,
    channelName: session.channelName,
    channelType,
    startTime: session.startTime,
    endTime: session.endTime,
    recordingConfigurationName: session.recordingConfigurationName,
    live: w.live,
    window: { start: w.start, end: w.end },
    period,
    series,
    videoHeight,
    markers: eventMarkers(events),
    shaded: starvationShading(events),
    findings,
    checked: checksMade({
      channelType,
      videoHeight,
      hasMetrics,
      hasIngest: session.ingestConfig.video.length + session.ingestConfig.audio.length > 0,
      events: session.events.length,
      sessions: sessions.length,
    }),
    events: session.events.map((e) => ({ ...decodeEvent({ ...e, eventTime: e.eventTime ?? undefined }), eventTime: e.eventTime })),
    ingestTables: ingestLimitTables(session.ingestConfig, channelType, keyframes.length ? median(keyframes) : null),
    metricsNote: metricsError ?? retentionNote(w.start, now, period, hasMetrics),
    fetchedAt: now,
  };
}
