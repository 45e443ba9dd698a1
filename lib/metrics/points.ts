import 'server-only';
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CHANNEL_DIMENSION, IVS_NAMESPACE } from './catalogue';
import { cloudWatchClient } from './client';
import { chunk, MAX_QUERIES_PER_CALL } from './queries';

/** One AWS/IVS series by channel (or the region's total without one), one statistic at one period. */
export interface ChannelStatQuery {
  id: string; // a lowercase letter first, then letters, digits, _
  channelId?: string;
  metric: string;
  period: number;
  stat: string;
}

/**
 * The points of each query, by id: ceil(queries / 500) GetMetricData calls, each followed through
 * its NextToken pages. A query without data answers no points (absent from the map).
 */
export async function readChannelStatPoints(
  region: string,
  input: ChannelStatQuery[],
  start: Date,
  end: Date,
): Promise<Map<string, number[]>> {
  const queries: MetricDataQuery[] = input.map((q) => ({
    Id: q.id,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: IVS_NAMESPACE,
        MetricName: q.metric,
        Dimensions: q.channelId ? [{ Name: CHANNEL_DIMENSION, Value: q.channelId }] : [],
      },
      Period: q.period,
      Stat: q.stat,
    },
  }));
  const out = new Map<string, number[]>();
  const client = cloudWatchClient(region);
  for (const batch of chunk(queries, MAX_QUERIES_PER_CALL)) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new GetMetricDataCommand({ MetricDataQueries: batch, StartTime: start, EndTime: end, NextToken: nextToken }),
      );
      for (const result of page.MetricDataResults ?? []) {
        if (!result.Id) continue;
        const values = (result.Values ?? []).filter(Number.isFinite);
        out.set(result.Id, [...(out.get(result.Id) ?? []), ...values]);
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return out;
}

/**
 * The region's highest ConcurrentViews (all channels together, the series without a dimension) over
 * the last 24 hours: ONE query in one GetMetricData call, whatever the number of channels. Null when
 * CloudWatch has no data (nothing was live).
 */
export async function regionPeakViews24h(region: string, now = Date.now()): Promise<number | null> {
  const end = Math.ceil(now / 60_000) * 60_000;
  const points = await readChannelStatPoints(
    region,
    [{ id: 'peak', metric: 'ConcurrentViews', period: 86_400, stat: 'Maximum' }],
    new Date(end - 86_400_000),
    new Date(end),
  );
  const values = points.get('peak') ?? [];
  return values.length ? Math.max(...values) : null;
}
