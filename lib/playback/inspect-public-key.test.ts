import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectPublicKey, isUsableP384PublicKey } from './inspect-public-key';

const ec = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve });
const spkiPem = (curve: string) => ec(curve).publicKey.export({ type: 'spki', format: 'pem' }) as string;

describe('inspectPublicKey', () => {
  it('accepts a P-384 SPKI public key and returns canonical PEM of the same key', async () => {
    const { publicKey } = ec('secp384r1');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const result = inspectPublicKey(`\n  ${pem}  \n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(createPublicKey(result.pem).export({ type: 'spki', format: 'der' })).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
    expect(await isUsableP384PublicKey(result.spki)).toBe(true);
  });

  it('accepts bare base64 of a P-384 SPKI', () => {
    const der = ec('secp384r1').publicKey.export({ type: 'spki', format: 'der' });
    expect(inspectPublicKey(der.toString('base64')).ok).toBe(true);
  });

  it.each([
    ['prime256v1', 'P-256'],
    ['secp521r1', 'P-521'],
    ['secp256k1', 'secp256k1'],
  ])('names another curve (%s) and asks for P-384', (curve, name) => {
    const result = inspectPublicKey(spkiPem(curve));
    expect(result).toMatchObject({ ok: false, problem: 'other-curve' });
    if (!result.ok) {
      expect(result.message).toContain(name);
      expect(result.message).toContain('P-384');
    }
  });

  it('refuses RSA keys in SPKI and PKCS#1 form', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(inspectPublicKey(publicKey.export({ type: 'spki', format: 'pem' }) as string)).toMatchObject({ ok: false, problem: 'rsa' });
    expect(inspectPublicKey(publicKey.export({ type: 'pkcs1', format: 'pem' }) as string)).toMatchObject({ ok: false, problem: 'rsa' });
  });

  it('refuses Ed25519 by name', () => {
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const result = inspectPublicKey(pem);
    expect(result).toMatchObject({ ok: false, problem: 'other-algorithm' });
    if (!result.ok) expect(result.message).toContain('Ed25519');
  });

  it.each([
    ['PKCS#8', { type: 'pkcs8', format: 'pem' }],
    ['SEC1', { type: 'sec1', format: 'pem' }],
  ] as const)('refuses a %s private key and says it must never be uploaded', (_label, opts) => {
    const pem = ec('secp384r1').privateKey.export(opts) as string;
    const result = inspectPublicKey(pem);
    expect(result).toMatchObject({ ok: false, problem: 'private-key' });
    if (!result.ok) expect(result.message).toMatch(/private key must never be uploaded anywhere/i);
  });

  it('refuses a private key even when pasted together with the public key', () => {
    const { publicKey, privateKey } = ec('secp384r1');
    const both = `${privateKey.export({ type: 'pkcs8', format: 'pem' })}${publicKey.export({ type: 'spki', format: 'pem' })}`;
    expect(inspectPublicKey(both)).toMatchObject({ ok: false, problem: 'private-key' });
  });

  it('refuses private key DER without armour and a relabelled private key', () => {
    const der = ec('secp384r1').privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(inspectPublicKey(der.toString('base64'))).toMatchObject({ ok: false, problem: 'private-key' });
    const relabelled = `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----`;
    expect(inspectPublicKey(relabelled)).toMatchObject({ ok: false, problem: 'private-key' });
  });

  it('refuses a certificate and tells how to extract its public key', () => {
    const cert = `-----BEGIN CERTIFICATE-----\nMIIBszCCATmgAwIBAgIUQ7\n-----END CERTIFICATE-----`;
    const result = inspectPublicKey(cert);
    expect(result).toMatchObject({ ok: false, problem: 'certificate' });
    if (!result.ok) expect(result.message).toContain('openssl x509');
  });

  it('refuses two public keys, OpenSSH keys and garbage', () => {
    expect(inspectPublicKey(spkiPem('secp384r1') + spkiPem('secp384r1'))).toMatchObject({ problem: 'multiple' });
    expect(inspectPublicKey('ecdsa-sha2-nistp384 AAAAE2VjZHNh user@host')).toMatchObject({ problem: 'ssh' });
    expect(inspectPublicKey('hello world')).toMatchObject({ ok: false, problem: 'garbage' });
    expect(inspectPublicKey('-----BEGIN PUBLIC KEY-----\n!!!not base64!!!\n-----END PUBLIC KEY-----')).toMatchObject({
      problem: 'garbage',
    });
    expect(inspectPublicKey('   ')).toMatchObject({ problem: 'empty' });
  });

  it('refuses a P-384 SPKI whose point is truncated', () => {
    const der = ec('secp384r1').publicKey.export({ type: 'spki', format: 'der' });
    // Shorten the BIT STRING by one byte and fix up the lengths so the DER still parses.
    const truncated = Buffer.from(der.subarray(0, der.length - 1));
    truncated[1] -= 1;
    truncated[truncated.indexOf(Buffer.from([0x03, 0x62])) + 1] -= 1;
    expect(inspectPublicKey(truncated.toString('base64'))).toMatchObject({ ok: false, problem: 'malformed-point' });
  });
});

describe('isUsableP384PublicKey', () => {
  it('rejects a well-shaped point that is not on the curve', async () => {
    const der = Buffer.from(ec('secp384r1').publicKey.export({ type: 'spki', format: 'der' }));
    der[der.length - 1] ^= 0x01;
    const result = inspectPublicKey(der.toString('base64'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(await isUsableP384PublicKey(result.spki)).toBe(false);
  });
});
