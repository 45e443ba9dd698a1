import * as z from '@/lib/zod';
import { arnRegion } from '@/lib/ivs/arn';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';

// Client-safe: the panel and the actions share these. Patterns and lengths are the IVS model's.
const channelArnSchema = arnSchema('channel');
const streamKeyArnSchema = arnSchema('stream-key');

/** Reveal or copy one key: the server checks the key still belongs to the channel. */
export const streamKeySecretSchema = z.object({ channelArn: channelArnSchema, streamKeyArn: streamKeyArnSchema });

export const srtPassphraseSchema = z.object({ channelArn: channelArnSchema });

/**
 * `expectedKeyArn` is the key the operator saw: when the channel's key is already another one, someone
 * rotated first and nothing is deleted. Omitted (bulk rotation) means "whatever key is current".
 */
export const rotateStreamKeySchema = z.object({
  channelArn: channelArnSchema,
  expectedKeyArn: z.optional(streamKeyArnSchema),
  stopStream: z._default(z.boolean(), false),
});

/**
 * One channel of a bulk rotation: `requestId` names the whole bulk run (made once when the operator
 * confirms), so the same run sent again rotates no key a second time.
 */
export const bulkRotateStreamKeySchema = z.object({
  channelArn: channelArnSchema,
  stopStream: z._default(z.boolean(), false),
  requestId: requestIdSchema,
});

export const disableIngestSchema = z.object({
  channelArn: channelArnSchema,
  expectedKeyArn: streamKeyArnSchema,
  stopStream: z._default(z.boolean(), false),
});

export const createStreamKeySchema = z.object({ channelArn: channelArnSchema });

export type RotateStreamKeyInput = z.input<typeof rotateStreamKeySchema>;

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
