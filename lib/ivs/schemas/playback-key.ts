import * as z from '@/lib/zod';
import { tagRowsSchemaFor } from '@/lib/ivs/schemas/tags';
import { inspectPublicKey } from '@/lib/playback/inspect-public-key';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';
import { MAX_REVOCATIONS_PER_REQUEST } from '@/lib/playback/limits';

// Playback key pair and viewer-revocation input rules from the IVS model (PlaybackKeyPairName,
// PlaybackPublicKeyMaterial, Tags, ViewerId 1..40, ViewerSessionVersion >= 0, batch lists 1..20).
// Client-safe: the forms and the server actions share them.

export { MAX_REVOCATIONS_PER_REQUEST, PLAYBACK_KEY_PAIR_QUOTA, REVOCATION_BATCH_SIZE } from '@/lib/playback/limits';

export const playbackKeyPairIdSchema = z.string().check(z.regex(/^[a-zA-Z0-9-]{1,128}$/, 'Not a playback key pair id.'));

export const playbackKeyPairNameSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(128, 'At most 128 characters.'),
    z.regex(/^[a-zA-Z0-9-_]*$/, 'Use only letters, digits, hyphens (-) and underscores (_).'),
  );

/** The PEM text must be exactly one ECDSA P-384 public key; every other kind gets its own message. */
export const publicKeyMaterialSchema = z.string().check(
  z.superRefine((text, ctx) => {
    const result = inspectPublicKey(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  }),
);

export const keyPairTagsSchema = tagRowsSchemaFor('key pair');

export const importPlaybackKeyPairSchema = z.object({
  publicKeyMaterial: publicKeyMaterialSchema,
  name: playbackKeyPairNameSchema,
  tags: keyPairTagsSchema,
});
export type ImportPlaybackKeyPairInput = z.infer<typeof importPlaybackKeyPairSchema>;
/** What the import action takes: the form's values and the id the form made for this one request. */
export const importPlaybackKeyPairRequestSchema = z.extend(importPlaybackKeyPairSchema, { requestId: requestIdSchema });

export const deletePlaybackKeyPairSchema = z.object({ id: playbackKeyPairIdSchema });

const channelArnSchema = arnSchema('channel');
export const viewerIdSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter a viewer id.'), z.maxLength(40, 'A viewer id is at most 40 characters.'));
export const viewerSessionVersionSchema = z.optional(z.number().check(z.int('Whole numbers only.'), z.gte(0, 'Zero or more.')));

export const revokeViewerSessionSchema = z.object({
  channelArn: channelArnSchema,
  viewerId: viewerIdSchema,
  viewerSessionVersion: viewerSessionVersionSchema,
});
export type RevokeViewerSessionInput = z.infer<typeof revokeViewerSessionSchema>;

export const batchRevokeViewerSessionsSchema = z.object({
  channelArn: channelArnSchema,
  sessions: z
    .array(z.object({ viewerId: viewerIdSchema, viewerSessionVersion: viewerSessionVersionSchema }))
    .check(
      z.minLength(1, 'Paste at least one viewer id.'),
      z.maxLength(MAX_REVOCATIONS_PER_REQUEST, `At most ${MAX_REVOCATIONS_PER_REQUEST} viewer ids at once.`),
    ),
});
export type BatchRevokeViewerSessionsInput = z.infer<typeof batchRevokeViewerSessionsSchema>;
