import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeToken, paginate } from './paging';
import { fingerprintOf, parsePlaybackPublicKey } from './playback-keys';
import { checkCountries, checkOrigins } from './restriction-policies';
import { s3BucketNameProblem } from './s3-bucket';
import { checkNewTags } from './tag-rules';

const pem = (k: { publicKey: string; privateKey: string }) => k.publicKey;

describe('paginate', () => {
  const items = Array.from({ length: 5 }, (_, i) => i);
  it('pages with opaque tokens and rejects foreign or garbage tokens', () => {
    const first = paginate(items, 'ListChannels', { maxResults: 2 }, 100);
    expect(first.items).toEqual([0, 1]);
    const second = paginate(items, 'ListChannels', { maxResults: 10, nextToken: first.nextToken }, 100);
    expect(second).toEqual({ items: [2, 3, 4], nextToken: undefined });
    expect(() => paginate(items, 'ListStreamKeys', { nextToken: encodeToken('ListChannels', 1) }, 1)).toThrow(/nextToken/);
    expect(() => paginate(items, 'ListChannels', { nextToken: 'bm9wZQ==' }, 1)).toThrow(/nextToken/);
  });
});

describe('playback key import', () => {
  const p384 = generateKeyPairSync('ec', {
    namedCurve: 'P-384',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

  it('accepts a P-384 public key and fingerprints its DER SPKI', () => {
    const fp = fingerprintOf(parsePlaybackPublicKey(pem(p384)));
    expect(fp).toMatch(/^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  });

  it('explains why other keys are refused', () => {
    const p256 = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => parsePlaybackPublicKey(pem(p256))).toThrow(/curve prime256v1/);
    expect(() => parsePlaybackPublicKey(pem(rsa))).toThrow(/got a RSA key/);
    expect(() => parsePlaybackPublicKey(p384.privateKey)).toThrow(/private key/);
    expect(() => parsePlaybackPublicKey('hello')).toThrow(/PEM/);
    expect(() => parsePlaybackPublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toThrow(/parseable/);
  });
});

describe('resource rules', () => {
  it('applies S3 bucket naming rules', () => {
    expect(s3BucketNameProblem('my-recordings.2024')).toBeUndefined();
    expect(s3BucketNameProblem('My-Bucket')).toMatch(/lowercase/);
    expect(s3BucketNameProblem('-bucket')).toMatch(/begin and end/);
    expect(s3BucketNameProblem('a..b')).toMatch(/adjacent/);
    expect(s3BucketNameProblem('192.168.1.1')).toMatch(/IP address/);
    expect(s3BucketNameProblem('xn--bucket')).toMatch(/prefix/);
  });

  it('accepts only real country codes and bare origins', () => {
    expect(checkCountries(['US', 'DE', 'US'])).toEqual(['US', 'DE']);
    expect(() => checkCountries(['XX'])).toThrow(/XX/);
    expect(() => checkCountries(['us'])).toThrow(/us/);
    expect(checkOrigins(['https://example.com', 'http://localhost:3000'])).toHaveLength(2);
    expect(() => checkOrigins(['https://example.com/path'])).toThrow(/not a valid origin/);
    expect(() => checkOrigins(['example.com'])).toThrow(/not a valid origin/);
  });

  it('reserves aws: tag keys and counts existing tags toward 50', () => {
    expect(() => checkNewTags({}, { 'AWS:x': '1' })).toThrow(/reserved/);
    const existing = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    expect(Object.keys(checkNewTags(existing, { k0: 'new', extra: '1' }))).toHaveLength(50);
    expect(() => checkNewTags(existing, { a: '1', b: '2' })).toThrow(/at most 50/);
  });
});
