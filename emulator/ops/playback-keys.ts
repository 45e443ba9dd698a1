import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { conflict, quotaExceeded, validation } from '../errors';
import { QUOTA } from '../service-quotas/catalogue';
import { makeArn } from '../ids';
import { project } from '../model';
import type { KeyPairRec, Tags } from '../records';
import { mustGet, type HandlerTable } from './context';
import { paginate } from './paging';
import { checkNewTags } from './tag-rules';

export const KEY_PAIRS_PER_REGION = 3;

// IVS playback tokens are ES384-signed, so only P-384 public keys in PEM are accepted.
export function parsePlaybackPublicKey(material: string): KeyObject {
  const text = material.trim();
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw validation(
      'publicKeyMaterial contains a private key. Import only the public key (PEM "BEGIN PUBLIC KEY"); IVS never stores private keys.',
    );
  }
  if (!/^-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----$/.test(text)) {
    throw validation('publicKeyMaterial must be a PEM-encoded public key ("-----BEGIN PUBLIC KEY-----").');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch {
    throw validation('publicKeyMaterial is not a parseable PEM public key.');
  }
  if (key.asymmetricKeyType !== 'ec') {
    throw validation(
      `publicKeyMaterial must be an ECDSA P-384 (secp384r1) public key; got a ${key.asymmetricKeyType?.toUpperCase() ?? 'unknown'} key.`,
    );
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (curve !== 'secp384r1') {
    throw validation(`publicKeyMaterial must be an ECDSA P-384 (secp384r1) public key; got curve ${curve ?? 'unknown'}.`);
  }
  return key;
}

// Colon-separated lowercase hex SHA-256 of the DER SubjectPublicKeyInfo.
export function fingerprintOf(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').match(/../g)!.join(':');
}

export const playbackKeyOps: HandlerTable = {
  ImportPlaybackKeyPair(ctx, input: { publicKeyMaterial: string; name?: string; tags?: Tags }) {
    const key = parsePlaybackPublicKey(input.publicKeyMaterial);
    const fingerprint = fingerprintOf(key);
    const existing = ctx.state.keyPairs.list();
    if (existing.some((k) => k.fingerprint === fingerprint)) {
      throw conflict(`A playback key pair with fingerprint ${fingerprint} has already been imported.`);
    }
    const max = ctx.limit?.(QUOTA.playbackKeyPairs) ?? KEY_PAIRS_PER_REGION;
    if (existing.length >= max) {
      throw quotaExceeded(`You can import at most ${max} playback key pairs per region.`);
    }
    const pair: KeyPairRec = {
      arn: makeArn(ctx.region, ctx.accountId, 'playback-key'),
      name: input.name ?? '',
      fingerprint,
      tags: checkNewTags({}, input.tags),
      publicKeyMaterial: key.export({ type: 'spki', format: 'pem' }).toString(),
    };
    ctx.state.keyPairs.set(pair);
    ctx.store.changed();
    return { keyPair: project(pair, 'PlaybackKeyPair') };
  },

  GetPlaybackKeyPair(ctx, input: { arn: string }) {
    return { keyPair: project(mustGet(ctx.state.keyPairs, input.arn), 'PlaybackKeyPair') };
  },

  ListPlaybackKeyPairs(ctx, input: { nextToken?: string; maxResults?: number }) {
    const page = paginate(ctx.state.keyPairs.list(), 'ListPlaybackKeyPairs', input, 100);
    return { keyPairs: page.items.map((k) => project(k, 'PlaybackKeyPairSummary')), nextToken: page.nextToken };
  },

  DeletePlaybackKeyPair(ctx, input: { arn: string }) {
    mustGet(ctx.state.keyPairs, input.arn);
    ctx.state.keyPairs.delete(input.arn);
    ctx.store.changed();
  },
};
