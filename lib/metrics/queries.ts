import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CHANNEL_DIMENSION, IVS_NAMESPACE, METRIC_INFO, type ChannelMetric } from './catalogue';

// GetMetricData takes at most 500 queries a call.
export const MAX_QUERIES_PER_CALL = 500;

export interface QueryKey {
  channelId: string;
  metric: ChannelMetric;
}

/**
 * One query per (channel, metric), with ids GetMetricData accepts (a lowercase letter first) that
 * say nothing about the channel: the key map turns an answer's id back into what it was for.
 */
export function buildQueries(
  channelIds: string[],
  metrics: readonly ChannelMetric[],
  period: number,
): { queries: MetricDataQuery[]; keys: Map<string, QueryKey> } {
  const queries: MetricDataQuery[] = [];
  const keys = new Map<string, QueryKey>();
  channelIds.forEach((channelId, c) =>
    metrics.forEach((metric, m) => {
      const id = `c${c}_m${m}`;
      keys.set(id, { channelId, metric });
      queries.push({
        Id: id,
        ReturnData: true,
        MetricStat: {
          Metric: { Namespace: IVS_NAMESPACE, MetricName: metric, Dimensions: [{ Name: CHANNEL_DIMENSION, Value: channelId }] },
          Period: period,
          Stat: METRIC_INFO[metric].stat,
        },
      });
    }),
  );
  return { queries, keys };
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
