import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';

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

export const disableIngestSchema = z.object({
  channelArn: channelArnSchema,
  expectedKeyArn: streamKeyArnSchema,
  stopStream: z._default(z.boolean(), false),
});

export const createStreamKeySchema = z.object({ channelArn: channelArnSchema });

export type RotateStreamKeyInput = z.input<typeof rotateStreamKeySchema>;

export { ingestUrls, maskStreamKey, regionOfArn, SRT_PASSPHRASE_MASK, type StreamKeyChange } from '@/lib/ivs/stream-key-format';
