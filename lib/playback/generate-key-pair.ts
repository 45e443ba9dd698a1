import { toPem } from './pem';

export interface GeneratedKeyPair {
  /** PKCS#8 PEM: offered once as a download, never sent anywhere. */
  privateKeyPem: string;
  /** SPKI PEM: the only half that is imported into IVS. */
  publicKeyPem: string;
}

/** A fresh ECDSA P-384 pair made by WebCrypto in this browser. */
export async function generatePlaybackKeyPair(): Promise<GeneratedKeyPair> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('This browser offers no WebCrypto here. Open the console over HTTPS (or on localhost) to generate keys.');
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  const [pkcs8, spki] = await Promise.all([subtle.exportKey('pkcs8', pair.privateKey), subtle.exportKey('spki', pair.publicKey)]);
  return { privateKeyPem: toPem('PRIVATE KEY', new Uint8Array(pkcs8)), publicKeyPem: toPem('PUBLIC KEY', new Uint8Array(spki)) };
}
