import 'server-only';
import { sharedBatchGetChannels } from '@/lib/ivs/channels';
import { readsGeneration } from '@/lib/ivs/read-cache';

// Names and types of live channels for the /live health board. The board needs them for every live
// channel (types set the limits the diagnosis judges against), and asking BatchGetChannel for all of
// them on every refresh would cost ceil(live / 50) calls each time. Names and types rarely change, so
// each channel's answer is kept for INFO_TTL_MS and only channels not known yet (new live streams) are
// asked for: a refresh costs 0 calls, or one per 50 channels that went live since. A change made
// through this console empties it at once (read-cache generation); one made elsewhere shows within
// INFO_TTL_MS.
export const INFO_TTL_MS = 60_000;

export interface LiveChannelInfo {
  /** Empty when IVS no longer knows the channel (deleted while its stream ends). */
  name: string;
  type: string;
}

interface RegionInfo {
  gen: number;
  entries: Map<string, LiveChannelInfo & { at: number }>;
}
const store = ((globalThis as { __ivsLiveChannelInfo?: Map<string, RegionInfo> }).__ivsLiveChannelInfo ??= new Map());

/** Name and type of each of these channels, reading only the ones not known (or known too long ago). */
export async function liveChannelInfo(region: string, arns: string[]): Promise<Map<string, LiveChannelInfo>> {
  const gen = readsGeneration(region);
  let r = store.get(region);
  if (!r || r.gen !== gen) store.set(region, (r = { gen, entries: new Map() }));
  const now = Date.now();
  const wanted = new Set(arns);
  // Forget channels no longer asked about, so the map follows the live set rather than growing.
  for (const arn of r.entries.keys()) if (!wanted.has(arn)) r.entries.delete(arn);
  const missing = [...wanted].filter((arn) => {
    const e = r.entries.get(arn);
    return !e || now - e.at >= INFO_TTL_MS;
  });
  if (missing.length) {
    const found = await sharedBatchGetChannels(region, missing);
    const at = Date.now();
    for (const arn of missing) {
      const c = found.get(arn);
      r.entries.set(arn, { name: c?.name ?? '', type: c?.type ?? 'STANDARD', at });
    }
  }
  return new Map(arns.map((arn) => [arn, r.entries.get(arn) ?? { name: '', type: 'STANDARD' }]));
}
