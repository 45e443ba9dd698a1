import { ALGORITHM_NAMES, classifyDer, CURVE_NAMES, OID, type DerShape } from './key-structure';
import { base64ToBytes, parsePemBlocks, toPem } from './pem';

// Decides, in the browser and again on the server, whether pasted text is what IVS accepts as a
// playback key: one ECDSA P-384 public key. Every refusal says exactly what was pasted instead.

export type PublicKeyProblem =
  | 'empty'
  | 'private-key'
  | 'certificate'
  | 'csr'
  | 'rsa'
  | 'other-curve'
  | 'other-algorithm'
  | 'ssh'
  | 'multiple'
  | 'malformed-point'
  | 'garbage';

export type PublicKeyInspection = { ok: true; spki: Uint8Array; pem: string } | { ok: false; problem: PublicKeyProblem; message: string };

const P384_HINT =
  'Use “Generate key pair”, or run: openssl ecparam -name secp384r1 -genkey -noout -out private.pem && openssl ec -in private.pem -pubout -out public.pem';

export const PUBLIC_KEY_MESSAGES: Record<PublicKeyProblem, string> = {
  empty: 'Paste a PEM public key or choose a .pem file.',
  'private-key':
    'This is a PRIVATE key. A private key must never be uploaded anywhere — not to this console, not to IVS. Keep it secret and paste only its public key (openssl ec -in private.pem -pubout).',
  certificate: 'This is a certificate, not a public key. Paste its public key instead (openssl x509 -in cert.pem -pubkey -noout).',
  csr: 'This is a certificate signing request, not a public key. Paste the public key (-----BEGIN PUBLIC KEY-----).',
  rsa: `This is an RSA key. IVS playback keys must be ECDSA P-384, because playback tokens are signed with ES384. ${P384_HINT}`,
  'other-curve': 'This is an ECDSA key on another curve. IVS needs P-384 (secp384r1).',
  'other-algorithm': 'This key uses another algorithm. IVS needs an ECDSA P-384 public key.',
  ssh: 'This is an OpenSSH-format key. IVS needs a PEM public key (-----BEGIN PUBLIC KEY-----).',
  multiple: 'This contains more than one key. Paste exactly one public key.',
  'malformed-point': 'This P-384 public key is malformed: its point is not a 97-byte uncompressed P-384 point.',
  garbage: 'This is not a PEM public key. Expected a block that starts with -----BEGIN PUBLIC KEY-----.',
};

const fail = (problem: PublicKeyProblem, detail?: string): PublicKeyInspection => ({
  ok: false,
  problem,
  message: detail ?? PUBLIC_KEY_MESSAGES[problem],
});

function judgeShape(shape: DerShape, der: Uint8Array): PublicKeyInspection {
  switch (shape.shape) {
    case 'pkcs8':
    case 'sec1':
    case 'encrypted-pkcs8':
    case 'rsa-private':
      return fail('private-key');
    case 'certificate':
      return fail('certificate');
    case 'rsa-public':
      return fail('rsa');
    case 'unknown':
      return fail('garbage');
    case 'spki':
      break;
  }
  if (shape.algorithm === OID.rsaEncryption || shape.algorithm === OID.rsaPss) return fail('rsa');
  if (shape.algorithm !== OID.ecPublicKey) {
    const name = ALGORITHM_NAMES[shape.algorithm] ?? `OID ${shape.algorithm}`;
    return fail('other-algorithm', `This is an ${name} key. IVS needs an ECDSA P-384 public key.`);
  }
  if (shape.parameter !== OID.p384) {
    const name = shape.parameter ? (CURVE_NAMES[shape.parameter] ?? `OID ${shape.parameter}`) : 'explicit parameters';
    return fail('other-curve', `This is an ECDSA key on another curve (${name}). IVS needs P-384 (secp384r1).`);
  }
  // BIT STRING: one "unused bits" byte (0), then 0x04 || X(48) || Y(48).
  if (shape.key.length !== 98 || shape.key[0] !== 0 || shape.key[1] !== 0x04) return fail('malformed-point');
  return { ok: true, spki: der, pem: toPem('PUBLIC KEY', der) };
}

const PRIVATE_LABEL = /PRIVATE KEY/;
const IGNORED_LABELS = new Set(['EC PARAMETERS']);

/** Inspects pasted text (or a .pem file's contents). Synchronous, so zod can use it for field errors. */
export function inspectPublicKey(input: string): PublicKeyInspection {
  const text = input.trim();
  if (!text) return fail('empty');
  const blocks = parsePemBlocks(text);
  // A private key anywhere in the paste wins over every other verdict.
  if (blocks.some((b) => PRIVATE_LABEL.test(b.label))) return fail('private-key');
  if (/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) /.test(text)) return fail('ssh');

  if (blocks.length === 0) {
    // Bare base64 DER (no armour): judge its shape, so a private key is still recognised.
    try {
      const der = base64ToBytes(text);
      return judgeShape(classifyDer(der), der);
    } catch {
      return fail('garbage');
    }
  }
  const keys = blocks.filter((b) => !IGNORED_LABELS.has(b.label));
  if (keys.length > 1) return fail('multiple');
  if (keys.length === 0) return fail('garbage');
  const [block] = keys;
  if (/CERTIFICATE REQUEST/.test(block.label)) return fail('csr');
  if (/CERTIFICATE/.test(block.label)) return fail('certificate');
  if (block.label === 'RSA PUBLIC KEY') return fail('rsa');
  if (block.label !== 'PUBLIC KEY') {
    return fail('garbage', `This is a PEM “${block.label}” block, not a public key. Expected -----BEGIN PUBLIC KEY-----.`);
  }
  if (block.der.length === 0) return fail('garbage', 'The base64 inside this PEM block is damaged (it does not decode).');
  return judgeShape(classifyDer(block.der), block.der);
}

/**
 * The final check: WebCrypto must accept the key as a P-384 verification key (this also rejects a
 * point that is not on the curve). Works in browsers (secure contexts) and in Node 20.
 */
export async function isUsableP384PublicKey(spki: Uint8Array): Promise<boolean> {
  try {
    await globalThis.crypto.subtle.importKey('spki', spki as BufferSource, { name: 'ECDSA', namedCurve: 'P-384' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}
