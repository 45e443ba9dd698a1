// Per-operation API rate limits from the IVS low-latency "API Call Rate Quotas" table
// (https://docs.aws.amazon.com/ivs/latest/LowLatencyUserGuide/service-quotas.html): 5 TPS unless
// listed here. Quotas are per account per region; the bucket burst equals the rate.
const TPS_OVERRIDES: Record<string, number> = {
  // "Private channel" rows of the table.
  DeletePlaybackKeyPair: 3,
  GetPlaybackKeyPair: 3,
  ImportPlaybackKeyPair: 3,
  ListPlaybackKeyPairs: 3,
  BatchStartViewerSessionRevocation: 2,
  TagResource: 10,
  UntagResource: 10,
  ListTagsForResource: 10,
};
export const DEFAULT_TPS = 5;
export const PUT_METADATA_PER_CHANNEL_TPS = 5;
export const PUT_METADATA_PER_ACCOUNT_TPS = 155;

export function tpsFor(operation: string): number {
  return TPS_OVERRIDES[operation] ?? DEFAULT_TPS;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

// Token buckets keyed by whatever scope a limit applies to (operation+region, channel, …).
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: () => number = () => Date.now()) {}

  take(key: string, tps: number): boolean {
    const now = this.clock();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: tps, updatedMs: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(tps, b.tokens + ((now - b.updatedMs) / 1000) * tps);
    b.updatedMs = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  // Checks every limit that applies to one call; all must have room.
  allow(operation: string, region: string, input: Record<string, unknown>): boolean {
    if (operation === 'PutMetadata') {
      const channel = typeof input.channelArn === 'string' ? input.channelArn : '';
      return (
        this.take(`PutMetadata|${region}|${channel}`, PUT_METADATA_PER_CHANNEL_TPS) &&
        this.take(`PutMetadata|${region}`, PUT_METADATA_PER_ACCOUNT_TPS)
      );
    }
    return this.take(`${operation}|${region}`, tpsFor(operation));
  }

  clear(): void {
    this.buckets.clear();
  }
}
