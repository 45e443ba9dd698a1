import { decodeOid, readChildren, readTop, TAG, type DerNode } from './der';

// What a DER blob is, judged by its ASN.1 shape rather than by the PEM label around it
// (people rename labels, and un-armoured base64 has none).
export type DerShape =
  | { shape: 'spki'; algorithm: string; parameter?: string; key: Uint8Array }
  | { shape: 'pkcs8'; algorithm: string; parameter?: string; privateKey: Uint8Array }
  | { shape: 'sec1'; curve?: string }
  | { shape: 'encrypted-pkcs8' }
  | { shape: 'rsa-private' }
  | { shape: 'rsa-public' }
  | { shape: 'certificate' }
  | { shape: 'unknown' };

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  dsa: '1.2.840.10040.4.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
} as const;

export const CURVE_NAMES: Record<string, string> = {
  [OID.p256]: 'P-256 (prime256v1)',
  [OID.p384]: 'P-384 (secp384r1)',
  [OID.p521]: 'P-521 (secp521r1)',
  [OID.secp256k1]: 'secp256k1',
};

export const ALGORITHM_NAMES: Record<string, string> = {
  [OID.rsaEncryption]: 'RSA',
  [OID.rsaPss]: 'RSA-PSS',
  [OID.dsa]: 'DSA',
  [OID.ed25519]: 'Ed25519',
  [OID.ed448]: 'Ed448',
  [OID.x25519]: 'X25519',
  [OID.x448]: 'X448',
  [OID.ecPublicKey]: 'ECDSA',
};

function algorithmIdentifier(node: DerNode): { algorithm: string; parameter?: string } | null {
  if (node.tag !== TAG.SEQUENCE) return null;
  const [alg, param] = readChildren(node.value);
  if (!alg || alg.tag !== TAG.OID) return null;
  return { algorithm: decodeOid(alg.value), parameter: param?.tag === TAG.OID ? decodeOid(param.value) : undefined };
}

/** Classifies DER bytes; never throws (malformed input is 'unknown'). */
export function classifyDer(der: Uint8Array): DerShape {
  try {
    const top = readTop(der);
    if (top.tag !== TAG.SEQUENCE) return { shape: 'unknown' };
    const c = readChildren(top.value);
    const isInt = (n?: DerNode, v?: number) => n?.tag === TAG.INTEGER && (v === undefined || (n.value.length === 1 && n.value[0] === v));

    if (c.length === 2 && c[1].tag === TAG.BIT_STRING) {
      const alg = algorithmIdentifier(c[0]);
      if (alg) return { shape: 'spki', ...alg, key: c[1].value };
    }
    if (c.length === 2 && c[1].tag === TAG.OCTET_STRING && algorithmIdentifier(c[0])) return { shape: 'encrypted-pkcs8' };
    if (c.length === 2 && isInt(c[0]) && isInt(c[1])) return { shape: 'rsa-public' };
    if (c.length >= 3 && (isInt(c[0], 0) || isInt(c[0], 1)) && c[2].tag === TAG.OCTET_STRING) {
      const alg = algorithmIdentifier(c[1]);
      if (alg) return { shape: 'pkcs8', ...alg, privateKey: c[2].value };
    }
    if (c.length >= 2 && isInt(c[0], 1) && c[1].tag === TAG.OCTET_STRING) {
      // ECPrivateKey (SEC1): parameters are the optional [0] child.
      const params = c.find((n) => n.tag === 0xa0);
      const inner = params ? readChildren(params.value)[0] : undefined;
      return { shape: 'sec1', curve: inner?.tag === TAG.OID ? decodeOid(inner.value) : undefined };
    }
    if (c.length >= 9 && isInt(c[0], 0) && c.every((n) => n.tag === TAG.INTEGER)) return { shape: 'rsa-private' };
    if (c.length === 3 && c[0].tag === TAG.SEQUENCE && c[1].tag === TAG.SEQUENCE && c[2].tag === TAG.BIT_STRING) {
      return { shape: 'certificate' };
    }
  } catch {
    // fall through
  }
  return { shape: 'unknown' };
}
