import { encodeNode, encodeOid, TAG } from './der';
import { classifyDer, CURVE_NAMES, OID } from './key-structure';
import { parsePemBlocks } from './pem';

// Reads the signing key for playback tokens. It lives only in this browser tab's memory: nothing
// here sends it anywhere, and the CryptoKey is imported as non-extractable.

export type PrivateKeyInspection = { ok: true; pkcs8: Uint8Array } | { ok: false; message: string };

const no = (message: string): PrivateKeyInspection => ({ ok: false, message });

// PKCS#8 PrivateKeyInfo around a SEC1 ECPrivateKey, which WebCrypto cannot import directly.
function sec1ToPkcs8(sec1: Uint8Array): Uint8Array {
  const version = encodeNode(TAG.INTEGER, new Uint8Array([0]));
  const algorithm = encodeNode(TAG.SEQUENCE, encodeOid(OID.ecPublicKey), encodeOid(OID.p384));
  return encodeNode(TAG.SEQUENCE, version, algorithm, encodeNode(TAG.OCTET_STRING, sec1));
}

const curveName = (oid?: string) => (oid ? (CURVE_NAMES[oid] ?? `OID ${oid}`) : 'an unnamed curve');

/** Accepts PKCS#8 (BEGIN PRIVATE KEY) and SEC1 (BEGIN EC PRIVATE KEY) P-384 keys. */
export function inspectPrivateKey(input: string): PrivateKeyInspection {
  const text = input.trim();
  if (!text) return no('Load or paste the private key (PEM) of a key pair imported in IVS.');
  if (/BEGIN OPENSSH PRIVATE KEY/.test(text)) {
    return no('This is an OpenSSH private key. Convert it to PKCS#8 PEM first (ssh-keygen -p -m PKCS8 -f key).');
  }
  const blocks = parsePemBlocks(text).filter((b) => b.label !== 'EC PARAMETERS');
  if (blocks.length === 0)
    return no('This is not a PEM private key. Expected -----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----.');
  if (blocks.length > 1) return no('This contains more than one PEM block. Paste exactly one private key.');
  const [block] = blocks;
  if (block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type: 4,ENCRYPTED/.test(text)) {
    return no(
      'This private key is encrypted with a passphrase. Decrypt it first (openssl pkcs8 -topk8 -nocrypt -in key.pem -out plain.pem).',
    );
  }
  if (block.label === 'PUBLIC KEY' || block.label === 'CERTIFICATE') {
    return no('This is a public key or certificate. Tokens are signed with the PRIVATE key of the pair (it never leaves this browser).');
  }
  if (block.label === 'RSA PRIVATE KEY') return no('This is an RSA key. IVS playback tokens are signed with an ECDSA P-384 key (ES384).');
  if (block.der.length === 0) return no('The base64 inside this PEM block is damaged (it does not decode).');

  const shape = classifyDer(block.der);
  if (shape.shape === 'sec1') {
    if (shape.curve && shape.curve !== OID.p384) return no(`This key is on ${curveName(shape.curve)}. IVS needs P-384 (secp384r1).`);
    return { ok: true, pkcs8: sec1ToPkcs8(block.der) };
  }
  if (shape.shape === 'pkcs8') {
    if (shape.algorithm !== OID.ecPublicKey)
      return no('This is not an ECDSA key. IVS playback tokens are signed with an ECDSA P-384 key (ES384).');
    if (shape.parameter !== OID.p384) return no(`This key is on ${curveName(shape.parameter)}. IVS needs P-384 (secp384r1).`);
    return { ok: true, pkcs8: block.der };
  }
  if (shape.shape === 'rsa-private') return no('This is an RSA key. IVS playback tokens are signed with an ECDSA P-384 key (ES384).');
  return no('This PEM block is not a private key this console can read. Use PKCS#8 (BEGIN PRIVATE KEY) or SEC1 (BEGIN EC PRIVATE KEY).');
}

/** A non-extractable ES384 signing key. Throws with a readable message if WebCrypto refuses it. */
export async function importSigningKey(pkcs8: Uint8Array): Promise<CryptoKey> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('This browser offers no WebCrypto here. Open the console over HTTPS (or on localhost) to sign tokens.');
  try {
    return await subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign']);
  } catch {
    throw new Error('The browser could not read this P-384 private key (it may be damaged).');
  }
}
