import { arnRegion } from '@/lib/ivs/arn';

// What the stream key panel shows (masks, encoder URLs, the outcome of a change), without zod: the
// panel is on the channel page's first load, its schemas are needed only by the actions.
// ./schemas/stream-key re-exports all of this.

/** What a rotation, create or disable did, for the page to say so. Never carries the key value. */
export interface StreamKeyChange {
  /** The channel's key after the change; null when the channel now has none (ingest disabled). */
  keyArn: string | null;
  outcome: 'rotated' | 'already-rotated' | 'created' | 'already-exists' | 'disabled' | 'already-disabled';
  /** True when a live stream was stopped as part of the rotation. */
  streamStopped: boolean;
  message: string;
}

/** The region from an IVS ARN (`arn:aws:ivs:<region>:…`), for the mask. */
export function regionOfArn(arn: string): string {
  return arnRegion(arn) || 'region';
}

// Generic on purpose: ListStreamKeys never returns the value and no part of it may reach the page.
export function maskStreamKey(keyArn: string): string {
  return `sk_${regionOfArn(keyArn)}_${'•'.repeat(16)}`;
}

export const SRT_PASSPHRASE_MASK = '•'.repeat(24);

/** Encoder URLs IVS documents for a channel's ingest endpoint. */
export function ingestUrls(ingestEndpoint: string) {
  return {
    rtmps: `rtmps://${ingestEndpoint}:443/app/`,
    rtmp: `rtmp://${ingestEndpoint}:1935/app/`,
  };
}
