'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, defineAction } from '@/lib/auth/action';
import { isIvsError } from '@/lib/ivs/errors';
import {
  countPlaybackKeyPairs,
  deletePlaybackKeyPair,
  getPlaybackKeyPair,
  importPlaybackKeyPair,
  keyPairImportedBy,
  type PlaybackKeyPairDto,
} from '@/lib/ivs/playback-keys';
import { deletePlaybackKeyPairSchema, importPlaybackKeyPairRequestSchema, PLAYBACK_KEY_PAIR_QUOTA } from '@/lib/ivs/schemas/playback-key';
import { createOnce } from '@/lib/auth/create-once';
import { inspectPublicKey, isUsableP384PublicKey } from '@/lib/playback/inspect-public-key';

const QUOTA_MESSAGE = `This region already has ${PLAYBACK_KEY_PAIR_QUOTA} playback key pairs, the most IVS allows. Delete one that is no longer used, then import again.`;

// The schema has already refused anything but one P-384 public key (private keys included, before
// any IVS call); here WebCrypto also proves the point is on the curve, and IVS receives only
// canonical SPKI PEM. The key material is never written to the audit log or any log line.
export const importPlaybackKeyPairAction = defineAction({
  name: 'playback-key.import',
  role: 'admin',
  input: importPlaybackKeyPairRequestSchema,
  resource: (_input, data?: PlaybackKeyPairDto) => data?.arn,
  run: async ({ input: { requestId, ...form }, region, user }) => {
    const key = inspectPublicKey(form.publicKeyMaterial);
    if (!key.ok) throw new ActionError(key.message, 'InvalidKey');
    if (!(await isUsableP384PublicKey(key.spki))) {
      throw new ActionError('This P-384 public key is damaged: its point is not on the curve.', 'InvalidKey');
    }
    const input = { publicKeyPem: key.pem, name: form.name, tags: form.tags };
    // One import per form submit: a repeat gets the first run's answer, and an import IVS applied
    // but whose answer was lost is found by its request tag and reported as done.
    const imported = await createOnce(
      { requestId, kind: 'playback-key.import', region, user: user.email, input },
      {
        create: async () => {
          // Checked here, not before: a repeat of an import that filled the quota must find it first.
          if ((await countPlaybackKeyPairs(region)) >= PLAYBACK_KEY_PAIR_QUOTA) throw new ActionError(QUOTA_MESSAGE, 'QuotaExceeded');
          try {
            return await importPlaybackKeyPair(region, input, requestId);
          } catch (error) {
            // Another admin may have imported in the meantime; IVS is the final judge of the quota.
            if (isIvsError(error, 'ServiceQuotaExceededException')) throw new ActionError(QUOTA_MESSAGE, 'QuotaExceeded');
            if (isIvsError(error, 'ConflictException')) {
              throw new ActionError('This public key has already been imported in this region (same fingerprint).', 'Conflict');
            }
            throw error;
          }
        },
        recover: () => keyPairImportedBy(region, input, requestId),
      },
    );
    revalidatePath('/playback-keys');
    return imported;
  },
});

export const deletePlaybackKeyPairAction = defineAction({
  name: 'playback-key.delete',
  role: 'admin',
  input: deletePlaybackKeyPairSchema,
  resource: (_input, data?: { arn: string }) => data?.arn,
  run: async ({ input, region }) => {
    const pair = await getPlaybackKeyPair(region, input.id);
    if (!pair) throw new ActionError('This key pair no longer exists in this region (it may already have been deleted).', 'NotFound');
    await deletePlaybackKeyPair(region, pair.arn);
    revalidatePath('/playback-keys');
    return { arn: pair.arn, name: pair.name };
  },
});
