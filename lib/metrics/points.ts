import 'server-only';
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { CHANNEL_DIMENSION, IVS_NAMESPACE } from './catalogue';
import { cloudWatchClient } from './client';
import { chunk, MAX_QUERIES_PER_CALL } from './queries';

/** One AWS/IVS series by channel, read with one statistic at one period (for lib/usage's totals). */
export interface ChannelStatQuery {
  id: string; // a lowercase letter first, then letters, digits, _
  channelId: string;
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
      Metric: { Namespace: IVS_NAMESPACE, MetricName: q.metric, Dimensions: [{ Name: CHANNEL_DIMENSION, Value: q.channelId }] },
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
