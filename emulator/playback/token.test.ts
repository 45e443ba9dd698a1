import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Revocation } from '../records';
import { originAllowed, verifyPlaybackToken, type TokenCheck } from './token';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234';
const NOW = 1_800_000_000_000;
const p384 = () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
const keys = p384();

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function jwt(
  claims: Record<string, unknown>,
  privateKey: KeyObject = keys.privateKey,
  header: Record<string, unknown> = { alg: 'ES384', typ: 'JWT' },
): string {
  const input = `${b64(header)}.${b64(claims)}`;
  const sig = sign('sha384', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${sig.toString('base64url')}`;
}
const claims = (extra: Record<string, unknown> = {}) => ({ 'aws:channel-arn': ARN, exp: NOW / 1000 + 300, ...extra });
const check = (over: Partial<TokenCheck> = {}): TokenCheck => ({
  channelArn: ARN,
  publicKeys: [keys.publicKey],
  revocations: [],
  origin: undefined,
  kind: 'multivariant',
  nowMs: NOW,
  ...over,
});
const revoked = (viewerId: string, version: number): Revocation => ({
  channelArn: ARN,
  viewerId,
  viewerSessionVersionsLessThanOrEqualTo: version,
  revokedAt: '',
});
const codeOf = (token: string | null, over: Partial<TokenCheck> = {}) => {
  const v = verifyPlaybackToken(token, check(over));
  return v.ok ? 'ok' : v.code;
};

describe('verifyPlaybackToken', () => {
  it('accepts a token signed by any key imported in the region', () => {
    const other = p384();
    expect(codeOf(jwt(claims()), { publicKeys: [other.publicKey, keys.publicKey] })).toBe('ok');
  });

  it('requires a token, a JWT, ES384 and a matching signature', () => {
    expect(codeOf(null)).toBe('token_required');
    expect(codeOf('abc.def')).toBe('invalid_token');
    expect(codeOf(jwt(claims(), keys.privateKey, { alg: 'ES256', typ: 'JWT' }))).toBe('invalid_token');
    expect(codeOf(jwt(claims(), p384().privateKey))).toBe('invalid_signature');
    expect(codeOf(jwt(claims()), { publicKeys: [] })).toBe('invalid_signature');
    const [h, , s] = jwt(claims()).split('.');
    expect(codeOf(`${h}.${b64(claims({ 'aws:channel-arn': ARN.replace('abcd', 'zzzz') }))}.${s}`)).toBe('invalid_signature');
    // A DER-encoded signature is not JWS: only raw r||s verifies.
    const input = `${b64({ alg: 'ES384' })}.${b64(claims())}`;
    const der = sign('sha384', Buffer.from(input), keys.privateKey).toString('base64url');
    expect(codeOf(`${input}.${der}`)).toBe('invalid_signature');
  });

  it('refuses a token for another channel, an expired token and one without exp', () => {
    expect(codeOf(jwt(claims({ 'aws:channel-arn': `${ARN}x` })))).toBe('channel_mismatch');
    expect(codeOf(jwt(claims({ exp: NOW / 1000 - 1 })))).toBe('token_expired');
    expect(codeOf(jwt(claims({ exp: NOW / 1000 })))).toBe('token_expired');
    expect(codeOf(jwt({ 'aws:channel-arn': ARN }))).toBe('invalid_token');
  });

  it('checks exp when playback starts, not on later segment requests', () => {
    const token = jwt(claims({ exp: NOW / 1000 - 60 }));
    expect(codeOf(token, { kind: 'multivariant' })).toBe('token_expired');
    expect(codeOf(token, { kind: 'segment' })).toBe('ok');
  });

  it('limits exp to 10 minutes ahead with a viewer id or single-use uuid', () => {
    expect(codeOf(jwt(claims({ 'aws:viewer-id': 'v', exp: NOW / 1000 + 600 })))).toBe('ok');
    expect(codeOf(jwt(claims({ 'aws:viewer-id': 'v', exp: NOW / 1000 + 3600 })))).toBe('invalid_token');
    expect(codeOf(jwt(claims({ 'aws:single-use-uuid': 'u', exp: NOW / 1000 + 3600 })))).toBe('invalid_token');
    expect(codeOf(jwt(claims({ 'aws:viewer-id': 'v'.repeat(41) })))).toBe('invalid_token');
  });

  it('checks the allowed origin on the multivariant playlist, and everywhere when strict', () => {
    const loose = jwt(claims({ 'aws:access-control-allow-origin': 'https://watch.example.com' }));
    expect(codeOf(loose, { origin: 'https://watch.example.com' })).toBe('ok');
    expect(codeOf(loose, { origin: 'https://evil.example.net' })).toBe('origin_not_allowed');
    expect(codeOf(loose, { origin: undefined })).toBe('ok'); // non-browser clients are not restricted
    expect(codeOf(loose, { origin: 'https://evil.example.net', kind: 'segment' })).toBe('ok');

    const strict = jwt(claims({ 'aws:access-control-allow-origin': 'https://watch.example.com', 'aws:strict-origin-enforcement': true }));
    expect(codeOf(strict, { origin: 'https://evil.example.net', kind: 'segment' })).toBe('origin_not_allowed');
    expect(codeOf(strict, { origin: undefined, kind: 'variant' })).toBe('origin_required');
    expect(codeOf(strict, { origin: 'https://watch.example.com', kind: 'segment' })).toBe('ok');
  });

  it('refuses a revoked viewer whose session version is at or below the revoked version', () => {
    const v2 = jwt(claims({ 'aws:viewer-id': 'alice', 'aws:viewer-session-version': 2 }));
    expect(codeOf(v2, { revocations: [revoked('alice', 2)] })).toBe('viewer_session_revoked');
    expect(codeOf(v2, { revocations: [revoked('alice', 5)], kind: 'segment' })).toBe('viewer_session_revoked');
    expect(codeOf(v2, { revocations: [revoked('alice', 1)] })).toBe('ok');
    expect(codeOf(v2, { revocations: [revoked('bob', 9)] })).toBe('ok');
    // Without a version claim the session is version 0, which any revocation covers.
    expect(codeOf(jwt(claims({ 'aws:viewer-id': 'alice' })), { revocations: [revoked('alice', 0)] })).toBe('viewer_session_revoked');
  });
});

describe('originAllowed', () => {
  it('matches exact origins, "*." wildcard hostnames, ports and lists', () => {
    expect(originAllowed('https://a.example.com, http://localhost:3000', 'http://localhost:3000')).toBe(true);
    expect(originAllowed('http://localhost:3000', 'http://localhost:3100')).toBe(false);
    expect(originAllowed('https://*.example.com', 'https://www.example.com')).toBe(true);
    expect(originAllowed('https://*.example.com', 'https://example.com')).toBe(false);
    expect(originAllowed('https://*.example.com', 'http://www.example.com')).toBe(false);
    expect(originAllowed('https://example.com', 'https://example.com.evil.net')).toBe(false);
    expect(originAllowed('*', 'https://anything.test')).toBe(true);
    expect(originAllowed('https://example.com', 'null')).toBe(false);
  });
});
