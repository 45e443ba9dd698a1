import type { StreamSessionRec } from '../records';
import type { RegionState } from '../state';
import { CHANNEL_DIMENSION, CHANNEL_METRICS, maxAgeForPeriod, NAMESPACE } from './catalogue';
import { signalReader, type SecondReader, type SessionSignal } from './signal';
import { signalOf } from './session-signal';
import { isUsageMetric, usageSeconds, type UsageMetric } from './usage';

export interface MetricRef {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name?: string; Value?: string }[];
}

interface Source {
  streamId: string;
  startMs: number;
  endMs: number;
  signal: SessionSignal;
  recorded: boolean;
  // Readers made on first use, per metric, for this request.
  readers: Map<string, SecondReader | undefined>;
}

function readerOf(src: Source, metric: string): SecondReader | undefined {
  if (!src.readers.has(metric)) src.readers.set(metric, signalReader(src.streamId, src.signal, metric));
  return src.readers.get(metric);
}

// The viewer count at `ms`: each change holds until the next.
function viewersAt(signal: SessionSignal, ms: number): number {
  let count = 0;
  for (const v of signal.viewers) {
    if (Date.parse(v.at) > ms) break;
    count = Math.max(0, v.count);
  }
  return count;
}

const channelId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

function sourcesOf(sessions: StreamSessionRec[], nowMs: number): Source[] {
  return sessions.map((s) => ({
    streamId: s.streamId,
    startMs: Date.parse(s.startTime),
    endMs: s.endTime ? Date.parse(s.endTime) : nowMs,
    signal: signalOf(s),
    recorded: s.recordingConfiguration !== undefined,
    readers: new Map(),
  }));
}

// The sessions one request can read, indexed once per request (a call may carry 500 queries).
export class SeriesIndex {
  private readonly byChannelId = new Map<string, Source[]>();
  private readonly all: Source[] = [];

  constructor(
    state: RegionState,
    private readonly nowMs: number,
  ) {
    for (const [arn, sessions] of state.sessions) {
      const sources = sourcesOf(sessions, nowMs);
      this.byChannelId.set(channelId(arn), sources);
      this.all.push(...sources);
    }
  }

  // Sources of a metric, with how to read one second of each; none for a metric AWS/IVS lacks.
  private resolve(metric: MetricRef): { sources: Source[]; read: (src: Source, second: number) => number | undefined; total: boolean } {
    const none = { sources: [], read: () => undefined, total: false };
    if (metric.Namespace !== NAMESPACE || !metric.MetricName) return none;
    const dims = metric.Dimensions ?? [];
    const name = metric.MetricName;
    if (dims.length === 1 && dims[0].Name === CHANNEL_DIMENSION) {
      if (!(CHANNEL_METRICS as readonly string[]).includes(name)) return none;
      return { sources: this.byChannelId.get(dims[0].Value ?? '') ?? [], read: (src, s) => readerOf(src, name)?.(s), total: false };
    }
    if (dims.length > 0) return none;
    if (name === 'ConcurrentViews') return { sources: this.all, read: (src, s) => readerOf(src, name)?.(s), total: true };
    if (name === 'ConcurrentStreams') return { sources: this.all, read: () => 1, total: true };
    return none;
  }

  /**
   * A usage metric (LiveInputTime, LiveDeliveredTime, RecordedTime) over one period, as a single
   * sample holding the period's total seconds, so Sum (the statistic these are read with) is exact;
   * none when nothing was live. By Channel, or the region total without a dimension.
   */
  private usageSamples(metric: MetricRef, name: UsageMetric, startSec: number, period: number): number[] {
    const dims = metric.Dimensions ?? [];
    let sources: Source[];
    if (dims.length === 0) sources = this.all;
    else if (dims.length === 1 && dims[0].Name === CHANNEL_DIMENSION) sources = this.byChannelId.get(dims[0].Value ?? '') ?? [];
    else return [];
    const fromMs = Math.max(startSec * 1000, this.nowMs - maxAgeForPeriod(period) * 1000);
    const toMs = Math.min((startSec + period) * 1000, this.nowMs);
    const live = sources.filter((src) => src.startMs < toMs && src.endMs > fromMs);
    if (live.length === 0) return [];
    return [live.reduce((sum, src) => sum + usageSeconds(src, name, fromMs, toMs), 0)];
  }

  /**
   * The samples of one period [startSec, startSec + period): one per second while a session was
   * live, thinned to at most 12 per period so a 500-query call over hours stays cheap. Totals (no dimension)
   * add the live sessions up at each sampled second.
   */
  samples(metric: MetricRef, startSec: number, period: number): number[] {
    if (metric.Namespace === NAMESPACE && metric.MetricName && isUsageMetric(metric.MetricName))
      return this.usageSamples(metric, metric.MetricName, startSec, period);
    const { sources, read, total } = this.resolve(metric);
    const endMs = Math.min((startSec + period) * 1000, this.nowMs);
    // Only the sessions live during this period, and only seconds CloudWatch still keeps at it.
    const live = sources.filter((src) => src.startMs < endMs && src.endMs > startSec * 1000);
    if (live.length === 0) return [];
    const oldestMs = this.nowMs - maxAgeForPeriod(period) * 1000;
    const step = Math.max(1, Math.floor(period / 12));
    const out: number[] = [];
    for (let s = startSec; s * 1000 < endMs; s += step) {
      const ms = s * 1000;
      if (ms < oldestMs) continue;
      let sum: number | undefined;
      for (const src of live) {
        if (ms < src.startMs || ms >= src.endMs) continue;
        const v = read(src, s);
        if (v === undefined) continue;
        if (!total) {
          out.push(v);
          break; // a channel has one live session at a time
        }
        sum = (sum ?? 0) + v;
      }
      if (total && sum !== undefined) out.push(sum);
    }
    // A channel's viewer count is a step function: its value at each change in the period is a sample
    // too, so Maximum (the usage report's peak) and Minimum are exact however thinly a long period is
    // sampled (a 30-minute stream in a one-day period falls between the 12 samples otherwise).
    // For the region total (no dimension), the sum of every live channel at each such change.
    if (metric.MetricName === 'ConcurrentViews') {
      const instants = live.flatMap((src) =>
        src.signal.viewers.map((v) => Math.max(Date.parse(v.at), src.startMs)).filter((at) => at < src.endMs),
      );
      for (const at of instants) {
        if (at < startSec * 1000 || at >= endMs || at < oldestMs) continue;
        const counts = live.filter((src) => src.startMs <= at && at < src.endMs).map((src) => viewersAt(src.signal, at));
        out.push(total ? counts.reduce((a, b) => a + b, 0) : Math.max(...counts));
      }
    }
    return out;
  }
}
