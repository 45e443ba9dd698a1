import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPlaybackClaims, playbackUrlWithToken, signPlaybackToken } from './playback-token';
import { importSigningKey, inspectPrivateKey } from './private-key';
import { playbackTokenSchema } from './token-schema';
import { generatePlaybackKeyPair } from './generate-key-pair';
import { inspectPublicKey } from './inspect-public-key';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH1234';
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0);

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

function verifyToken(token: string, publicKeyPem: string): boolean {
  const [h, p, s] = token.split('.');
  return verify(
    'sha384',
    Buffer.from(`${h}.${p}`),
    { key: createPublicKey(publicKeyPem), dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
}

async function sign(privateKeyPem: string, input: Parameters<typeof playbackTokenSchema.parse>[0]) {
  const parsed = playbackTokenSchema.parse(input);
  const key = inspectPrivateKey(privateKeyPem);
  if (!key.ok) throw new Error(key.message);
  return signPlaybackToken(buildPlaybackClaims(parsed, NOW), await importSigningKey(key.pkcs8));
}

const base = { channelArn: ARN, expiresInMinutes: 60, allowedOrigin: '', strictOriginEnforcement: false, viewerId: '' };

describe('playback tokens', () => {
  it('signs an ES384 JWT that the public key verifies, with every IVS claim', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const token = await sign(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, {
      ...base,
      expiresInMinutes: 10,
      allowedOrigin: 'https://watch.example.com, https://*.example.org',
      strictOriginEnforcement: true,
      viewerId: 'viewer-42',
      viewerSessionVersion: 3,
    });
    const [header, payload] = token.split('.').map((p, i) => (i < 2 ? decode(p) : p));
    expect(header).toEqual({ alg: 'ES384', typ: 'JWT' });
    expect(payload).toEqual({
      'aws:channel-arn': ARN,
      'aws:access-control-allow-origin': 'https://watch.example.com,https://*.example.org',
      'aws:strict-origin-enforcement': true,
      'aws:viewer-id': 'viewer-42',
      'aws:viewer-session-version': 3,
      exp: NOW / 1000 + 600,
    });
    expect(verifyToken(token, publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(true);
  });

  it('omits the optional claims when not chosen', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const token = await sign(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, base);
    expect(decode(token.split('.')[1])).toEqual({ 'aws:channel-arn': ARN, exp: NOW / 1000 + 3600 });
  });

  it('signs with a SEC1 (BEGIN EC PRIVATE KEY) key too', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const token = await sign(privateKey.export({ type: 'sec1', format: 'pem' }) as string, base);
    expect(verifyToken(token, publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(true);
  });

  it('does not verify with another key pair', async () => {
    const a = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const b = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const token = await sign(a.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, base);
    expect(verifyToken(token, b.publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(false);
  });

  it('round-trips a pair generated with WebCrypto: the public half imports, the private half signs', async () => {
    const pair = await generatePlaybackKeyPair();
    expect(pair.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(inspectPublicKey(pair.publicKeyPem).ok).toBe(true);
    const token = await sign(pair.privateKeyPem, base);
    expect(verifyToken(token, pair.publicKeyPem)).toBe(true);
  });

  it('puts the token in the playback URL', () => {
    const url = playbackUrlWithToken('https://abc.us-west-2.playback.live-video.net/api/video/v1/x.m3u8?token=old', 'a.b.c');
    expect(new URL(url).searchParams.getAll('token')).toEqual(['a.b.c']);
  });
});

describe('inspectPrivateKey', () => {
  it('explains each wrong kind of signing key', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const pub = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(inspectPrivateKey(p256)).toMatchObject({ ok: false, message: expect.stringContaining('P-256') });
    expect(inspectPrivateKey(rsa)).toMatchObject({ ok: false, message: expect.stringContaining('not an ECDSA key') });
    expect(inspectPrivateKey(pub)).toMatchObject({ ok: false, message: expect.stringContaining('PRIVATE key') });
    expect(inspectPrivateKey('nonsense')).toMatchObject({ ok: false });
  });
});

describe('playbackTokenSchema', () => {
  it('enforces the IVS limits', () => {
    const issues = (input: object) => playbackTokenSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.path[0]) ?? [];
    expect(issues({ viewerId: 'v', expiresInMinutes: 11 })).toEqual(['expiresInMinutes']);
    expect(issues({ viewerId: 'x'.repeat(41), expiresInMinutes: 5 })).toEqual(['viewerId']);
    expect(issues({ strictOriginEnforcement: true })).toEqual(['allowedOrigin']);
    expect(issues({ allowedOrigin: 'https://example.com/path' })).toEqual(['allowedOrigin']);
    expect(issues({ viewerSessionVersion: 2 })).toEqual(['viewerSessionVersion']);
    expect(issues({ channelArn: 'arn:aws:ivs:us-west-2:1:stream-key/x' })).toEqual(['channelArn']);
    expect(issues({})).toEqual([]);
  });
});
