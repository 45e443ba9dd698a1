import type { ChannelStatQuery } from '@/lib/metrics/points';
import { USAGE_METRIC_NAMES, USAGE_METRICS, type UsageMetric } from './catalogue';

/**
 * One query per (channel, usage metric), each with a single period as long as the window, so every
 * query answers at most ONE data point: the period's Sum (or Maximum for views). Cost: 4 queries per
 * channel, 500 queries per GetMetricData call, so a region with N channels costs ceil(4N / 500)
 * calls (125 channels a call; 5,000 channels = 40 calls), plus NextToken pages only past 100,800
 * points, which one point per query never reaches. Nothing else grows with the period.
 */
export function usageQueries(channelIds: string[], windowSeconds: number) {
  const queries: ChannelStatQuery[] = [];
  const keys = new Map<string, { channelId: string; metric: UsageMetric }>();
  channelIds.forEach((channelId, c) =>
    USAGE_METRIC_NAMES.forEach((metric, m) => {
      const id = `u${c}_${m}`;
      keys.set(id, { channelId, metric });
      queries.push({ id, channelId, metric, period: windowSeconds, stat: USAGE_METRICS[metric].stat });
    }),
  );
  return { queries, keys };
}
