import 'server-only';
import { listChannelsPage } from '@/lib/ivs/channels';
import { describeIvsError } from '@/lib/ivs/errors';
import { pagesOf, readAllPages } from '@/lib/ivs/list-all';
import { recentLiveSnapshot } from '@/lib/ivs/live-snapshot';
import { listPlaybackKeyPairSummaries } from '@/lib/ivs/playback-keys';
import { listAllRecordingConfigurations } from '@/lib/ivs/recording-configurations';
import { listAllRestrictionPolicies } from '@/lib/ivs/restriction-policies';
import type { InventoryItem, OperationFailure, RegionInventory } from './types';

// One region's inventory for the overview and find-anywhere: five listings read side by side, each
// on its own, so a refused one (AccessDenied on one action, say) leaves the others' counts standing.
// Cost per read: ceil(channels / 100) ListChannels + ceil(live / 100) ListStreams + one call each of
// ListPlaybackKeyPairs, ListRecordingConfigurations and ListPlaybackRestrictionPolicies (their
// quotas keep them to one page); nothing per channel.

/** 100 pages of 100: twice IVS's default quota of 5,000 channels per region; past it the count says "at least". */
export const MAX_CHANNEL_PAGES = 100;

type Read<T> = { ok: true; value: T } | { ok: false; failure: OperationFailure };

async function attempt<T>(operation: string, read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    const info = describeIvsError(error);
    return { ok: false, failure: { operation, code: info.code, message: info.message } };
  }
}

const item = (kind: InventoryItem['kind'], r: { arn: string; id: string; name: string; tags: Record<string, string> }): InventoryItem => ({
  kind,
  arn: r.arn,
  id: r.id,
  name: r.name,
  tags: r.tags,
});

async function readChannels(region: string) {
  const pages = pagesOf(async (nextToken) => {
    const page = await listChannelsPage(region, { nextToken });
    return { channels: page.channels, nextToken: page.nextToken ?? undefined };
  });
  return readAllPages(pages, (p) => p.channels, MAX_CHANNEL_PAGES);
}

/** Reads the region now (no cache: lib/overview/cache.ts shares and keeps the answer). */
export async function readRegionInventory(region: string, liveMaxAgeMs: number): Promise<RegionInventory> {
  const [channels, live, keyPairs, recordings, policies] = await Promise.all([
    attempt('ListChannels', () => readChannels(region)),
    attempt('ListStreams', () => recentLiveSnapshot(region, liveMaxAgeMs)),
    attempt('ListPlaybackKeyPairs', () => listPlaybackKeyPairSummaries(region)),
    attempt('ListRecordingConfigurations', () => listAllRecordingConfigurations(region)),
    attempt('ListPlaybackRestrictionPolicies', () => listAllRestrictionPolicies(region)),
  ]);
  const failures = [channels, live, keyPairs, recordings, policies].flatMap((r) => (r.ok ? [] : [r.failure]));
  return {
    region,
    readAt: Date.now(),
    failures,
    channels: channels.ok
      ? {
          items: channels.value.items.map((c) => ({ ...item('channel', c), authorized: c.authorized, type: c.type })),
          truncated: channels.value.truncated,
        }
      : null,
    live: live.ok
      ? {
          count: live.value.streams.length,
          viewers: live.value.streams.reduce((sum, s) => sum + Math.max(0, s.viewerCount), 0),
          truncated: live.value.truncated,
        }
      : null,
    keyPairs: keyPairs.ok ? keyPairs.value.map((k) => item('playback-key', k)) : null,
    recordingConfigurations: recordings.ok ? recordings.value.map((r) => item('recording-configuration', r)) : null,
    restrictionPolicies: policies.ok ? policies.value.map((p) => item('playback-restriction-policy', p)) : null,
  };
}
