'use server';

import { revalidatePath } from 'next/cache';
import { ActionError, defineAction } from '@/lib/auth/action';
import { isIvsError } from '@/lib/ivs/errors';
import {
  countPlaybackKeyPairs,
  deletePlaybackKeyPair,
  getPlaybackKeyPair,
  importPlaybackKeyPair,
  type PlaybackKeyPairDto,
} from '@/lib/ivs/playback-keys';
import { deletePlaybackKeyPairSchema, importPlaybackKeyPairSchema, PLAYBACK_KEY_PAIR_QUOTA } from '@/lib/ivs/schemas/playback-key';
import { inspectPublicKey, isUsableP384PublicKey } from '@/lib/playback/inspect-public-key';

const QUOTA_MESSAGE = `This region already has ${PLAYBACK_KEY_PAIR_QUOTA} playback key pairs, the most IVS allows. Delete one that is no longer used, then import again.`;

// The schema has already refused anything but one P-384 public key (private keys included, before
// any IVS call); here WebCrypto also proves the point is on the curve, and IVS receives only
// canonical SPKI PEM. The key material is never written to the audit log or any log line.
export const importPlaybackKeyPairAction = defineAction({
  name: 'playback-key.import',
  role: 'admin',
  input: importPlaybackKeyPairSchema,
  resource: (_input, data?: PlaybackKeyPairDto) => data?.arn,
  run: async ({ input, region }) => {
    const key = inspectPublicKey(input.publicKeyMaterial);
    if (!key.ok) throw new ActionError(key.message, 'InvalidKey');
    if (!(await isUsableP384PublicKey(key.spki))) {
      throw new ActionError('This P-384 public key is damaged: its point is not on the curve.', 'InvalidKey');
    }
    if ((await countPlaybackKeyPairs(region)) >= PLAYBACK_KEY_PAIR_QUOTA) throw new ActionError(QUOTA_MESSAGE, 'QuotaExceeded');
    try {
      const created = await importPlaybackKeyPair(region, {
        publicKeyPem: key.pem,
        name: input.name,
        tags: Object.fromEntries(input.tags.map((t) => [t.key, t.value])),
      });
      revalidatePath('/playback-keys');
      return created;
    } catch (error) {
      // Another admin may have imported in the meantime; IVS is the final judge of the quota.
      if (isIvsError(error, 'ServiceQuotaExceededException')) throw new ActionError(QUOTA_MESSAGE, 'QuotaExceeded');
      if (isIvsError(error, 'ConflictException')) {
        throw new ActionError('This public key has already been imported in this region (same fingerprint).', 'Conflict');
      }
      throw error;
    }
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
