import { DeletePlaybackKeyPairCommand, IvsClient, ListPlaybackKeyPairsCommand } from '@aws-sdk/client-ivs';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { emulatorUrl } from './fixtures';

// Playback key pairs are capped at 3 per region and the emulator is shared, so these specs work
// in regions no other spec uses and start by emptying them.
export function regionClient(region: string): IvsClient {
  return new IvsClient({ endpoint: emulatorUrl, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

export async function deleteAllKeyPairs(ivs: IvsClient): Promise<void> {
  const { keyPairs = [] } = await ivs.send(new ListPlaybackKeyPairsCommand({}));
  for (const k of keyPairs) await ivs.send(new DeletePlaybackKeyPairCommand({ arn: k.arn! }));
}

export const pem = {
  p384: () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    return {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    };
  },
  p256Public: () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }) as string,
  rsaPublic: () => generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string,
};

/** The emulator's fingerprint of a key: SHA-256 of the SPKI DER, colon-separated hex. */
export function fingerprintOf(publicOrPrivatePem: string): string {
  const der = createPublicKey(publicOrPrivatePem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').match(/../g)!.join(':');
}
