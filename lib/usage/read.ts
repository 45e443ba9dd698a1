import 'server-only';
import { readChannelStatPoints } from '@/lib/metrics/points';
import { describeIvsError } from '@/lib/ivs/errors';
import { regionInventory } from '@/lib/overview/cache';
import { describeRegionFailures } from '@/lib/overview/failures';
import type { ChannelItem } from '@/lib/overview/types';
import type { UsageWindow } from './catalogue';
import { usageQueries } from './queries';
import type { ChannelUsage } from './report';

export interface RegionUsage {
  region: string;
  channels: ChannelUsage[];
  // Why the region's usage is missing or partial, in words an operator can act on.
  error: string | null;
  truncated: boolean;
}

function describeCloudWatchError(region: string, error: unknown): string {
  const name = (error as { name?: string })?.name;
  if (name === 'AccessDenied' || name === 'AccessDeniedException')
    return `Access denied: the console’s AWS credentials may not call cloudwatch:GetMetricData in ${region}. Allow it in its IAM policy (README, “Least-privilege IAM policies”).`;
  return describeIvsError(error).message.replace(/^IVS /, 'CloudWatch ');
}

/** The usage of a region's channels over the window: ceil(4 × channels / 500) GetMetricData calls (lib/usage/queries.ts). */
export async function readChannelUsage(region: string, channels: ChannelItem[], window: UsageWindow): Promise<ChannelUsage[]> {
  // A whole number of minutes (CloudWatch's periods past 30 s); usageWindow() already gives one.
  const seconds = Math.max(60, Math.ceil((window.end.getTime() - window.start.getTime()) / 60_000) * 60);
  const { queries, keys } = usageQueries(
    channels.map((c) => c.id),
    seconds,
  );
  const byId = new Map<string, ChannelUsage>(
    channels.map((c) => [
      c.id,
      {
        region,
        id: c.id,
        arn: c.arn,
        name: c.name,
        type: c.type ?? 'STANDARD',
        tags: c.tags,
        inputSeconds: 0,
        deliveredSeconds: 0,
        recordedSeconds: 0,
        peakViews: 0,
      },
    ]),
  );
  const points = await readChannelStatPoints(region, queries, window.start, window.end);
  for (const [id, values] of points) {
    const key = keys.get(id);
    const u = key && byId.get(key.channelId);
    if (!key || !u) continue;
    if (key.metric === 'ConcurrentViews') u.peakViews = Math.max(u.peakViews, ...values);
    else {
      const sum = values.reduce((a, b) => a + b, 0);
      if (key.metric === 'LiveInputTime') u.inputSeconds += sum;
      else if (key.metric === 'LiveDeliveredTime') u.deliveredSeconds += sum;
      else u.recordedSeconds += sum;
    }
  }
  return [...byId.values()];
}

/** One region's usage; never throws, so one failing region cannot blank the others. */
export async function regionUsage(region: string, window: UsageWindow, fresh = false): Promise<RegionUsage> {
  const inventory = await regionInventory(region, { fresh }).catch((e) => e as Error);
  if (inventory instanceof Error) return { region, channels: [], error: describeIvsError(inventory).message, truncated: false };
  if (!inventory.channels)
    return { region, channels: [], error: describeRegionFailures(region, inventory.failures).join(' '), truncated: false };
  try {
    const channels = await readChannelUsage(region, inventory.channels.items, window);
    return { region, channels, error: null, truncated: inventory.channels.truncated };
  } catch (error) {
    return { region, channels: [], error: describeCloudWatchError(region, error), truncated: false };
  }
}

/** Every asked region in parallel. */
export function usageOfRegions(regions: readonly string[], window: UsageWindow, fresh = false): Promise<RegionUsage[]> {
  return Promise.all(regions.map((r) => regionUsage(r, window, fresh)));
}
