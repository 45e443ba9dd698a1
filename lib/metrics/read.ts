import 'server-only';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CHANNEL_METRICS, METRIC_INFO, periodFor, type ChannelMetric, type MetricInfo } from './catalogue';
import { cloudWatchClient } from './client';
import { buildQueries, chunk, MAX_QUERIES_PER_CALL } from './queries';

export interface MetricSeries extends MetricInfo {
  // Oldest first; timestamps in epoch ms, the start of each period.
  timestamps: number[];
  values: number[];
}

export interface ChannelMetrics {
  start: number;
  end: number;
  period: number;
  // channelId -> metric -> series (every requested pair is present, empty when there is no data).
  channels: Record<string, Record<ChannelMetric, MetricSeries>>;
}

export interface ReadChannelMetricsInput {
  channelIds: string[];
  start: Date;
  end: Date;
  metrics?: readonly ChannelMetric[];
  period?: number;
  // Points per GetMetricData page; only tests set it (CloudWatch's default is 100,800).
  maxDatapoints?: number;
}

const empty = (metric: ChannelMetric): MetricSeries => ({ ...METRIC_INFO[metric], timestamps: [], values: [] });

/**
 * Every series a view needs in as few GetMetricData calls as CloudWatch allows: one call per 500
 * (channel, metric) queries, each followed through its NextToken pages. Never one call per metric
 * or per channel, since CloudWatch bills per metric requested and throttles per call.
 */
export async function readChannelMetrics(region: string, input: ReadChannelMetricsInput): Promise<ChannelMetrics> {
  const metrics = input.metrics ?? CHANNEL_METRICS;
  const channelIds = [...new Set(input.channelIds)];
  const period = input.period ?? periodFor(input.start, input.end);
  const channels: ChannelMetrics['channels'] = {};
  for (const id of channelIds) channels[id] = Object.fromEntries(metrics.map((m) => [m, empty(m)])) as Record<ChannelMetric, MetricSeries>;

  const { queries, keys } = buildQueries(channelIds, metrics, period);
  const client = cloudWatchClient(region);
  for (const batch of chunk(queries, MAX_QUERIES_PER_CALL)) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new GetMetricDataCommand({
          MetricDataQueries: batch,
          StartTime: input.start,
          EndTime: input.end,
          ScanBy: 'TimestampAscending',
          NextToken: nextToken,
          MaxDatapoints: input.maxDatapoints,
        }),
      );
      for (const result of page.MetricDataResults ?? []) {
        const key = result.Id ? keys.get(result.Id) : undefined;
        if (!key) continue;
        const series = channels[key.channelId][key.metric];
        (result.Timestamps ?? []).forEach((t, i) => {
          series.timestamps.push(t.getTime());
          series.values.push(result.Values?.[i] ?? NaN);
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return { start: input.start.getTime(), end: input.end.getTime(), period, channels };
}
