import 'server-only';
import { sharedBatchGetChannels } from '@/lib/ivs/channels';
import { recentLiveSnapshot } from '@/lib/ivs/live-snapshot';
import { getStreamSession } from '@/lib/ivs/streams';
import { diagnose, type ChannelType, type Finding, type HealthMetrics } from '@/lib/health';
import { readChannelMetrics } from '@/lib/metrics/read';
import type { RecordingFailure, SessionEnd, WatchRow } from '@/lib/events/observe';

// What the watcher reads from IVS and CloudWatch: the same reads the pages make, through lib/ivs and lib/metrics.

/** How far back a diagnosis looks (the health rules' default window). */
export const DIAGNOSIS_WINDOW_MS = 10 * 60_000;
const DIAGNOSED_METRICS = ['IngestVideoBitrate', 'IngestAudioBitrate', 'IngestFramerate', 'KeyframeInterval'] as const;
/** At most this many ended streams a look asks IVS the end time of; the rest get the time of the look. */
export const MAX_END_LOOKUPS = 25;

export const liveStreams = recentLiveSnapshot;

/** Name and type of channels (BatchGetChannel, 50 a call, shared with /live's reads). */
export async function channelInfo(region: string, arns: string[]): Promise<Map<string, { name: string | null; type: string | null }>> {
  const found = await sharedBatchGetChannels(region, arns);
  // A channel IVS no longer has gets a type all the same, so it is not looked up on every look.
  return new Map(arns.map((arn) => [arn, { name: found.get(arn)?.name || null, type: found.get(arn)?.type ?? 'STANDARD' }]));
}

const RECORDING_FAILURES = new Set(['Recording Start Failure', 'Recording End Failure']);

/**
 * What IVS says of an ended stream (one GetStreamSession): when it ended (null when it cannot say),
 * and any recording failure among its events, which the watcher reports as recording.failed.
 */
export async function streamSessionEnd(region: string, row: Pick<WatchRow, 'channelArn' | 'streamId'>): Promise<SessionEnd> {
  const session = await getStreamSession(region, row.channelArn, row.streamId).catch(() => null);
  return {
    endedAt: session?.endTime ? Date.parse(session.endTime) : null,
    recordingFailures: (session?.events ?? [])
      .filter((e) => RECORDING_FAILURES.has(e.name ?? '') && e.eventTime)
      .map((e) => ({ status: e.name as RecordingFailure['status'], at: Date.parse(e.eventTime!), code: e.code ?? null })),
  };
}

/**
 * Diagnosis findings for every live channel from ONE metrics read (GetMetricData takes 500 queries a
 * call: four metrics of 125 channels), never a read per channel. Points from before the current stream
 * started (an earlier stream of the channel) are left out.
 */
export async function diagnoseLive(region: string, rows: WatchRow[], now: number): Promise<Map<string, Finding[]>> {
  if (!rows.length) return new Map();
  const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
  const read = await readChannelMetrics(region, {
    channelIds: rows.map((r) => idOf(r.channelArn)),
    start: new Date(now - DIAGNOSIS_WINDOW_MS),
    end: new Date(now),
    metrics: DIAGNOSED_METRICS,
  });
  const out = new Map<string, Finding[]>();
  for (const row of rows) {
    const series = read.channels[idOf(row.channelArn)];
    if (!series) continue;
    const from = row.startedAt ?? 0;
    const metrics: HealthMetrics = {};
    for (const name of DIAGNOSED_METRICS) {
      const s = series[name];
      const keep = s.timestamps.map((t, i) => (t + read.period * 1000 > from ? i : -1)).filter((i) => i >= 0);
      metrics[name] = { timestamps: keep.map((i) => s.timestamps[i]), values: keep.map((i) => s.values[i]) };
    }
    out.set(
      row.channelArn,
      diagnose({ channelType: (row.channelType ?? 'STANDARD') as ChannelType, metrics, now, windowMs: DIAGNOSIS_WINDOW_MS }),
    );
  }
  return out;
}
