import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CreateChannelCommand,
  DeletePlaybackKeyPairCommand,
  ImportPlaybackKeyPairCommand,
  StartViewerSessionRevocationCommand,
} from '@aws-sdk/client-ivs';
import { setupEmulator } from './helpers';

const env = setupEmulator();

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function token(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const input = `${b64({ alg: 'ES384', typ: 'JWT' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })}`;
  return `${input}.${sign('sha384', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

// A live channel and its local playback URL (the IVS playback URL's file name under /_emulator/playback/).
async function liveChannel(authorized: boolean, live = true) {
  const channel = (await env.ivs.send(new CreateChannelCommand({ authorized }))).channel!;
  if (live) await env.control.startStream(channel.arn!);
  const name = channel.playbackUrl!.split('/').pop()!;
  return { arn: channel.arn!, url: `${env.url}/_emulator/playback/${name}` };
}

async function importKey(): Promise<{ privateKey: KeyObject; arn: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const out = await env.ivs.send(
    new ImportPlaybackKeyPairCommand({ publicKeyMaterial: publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
  );
  return { privateKey, arn: out.keyPair!.arn! };
}

const get = (url: string, origin?: string) => fetch(url, { headers: origin ? { origin } : {} });
async function errorOf(res: Response) {
  return ((await res.json()) as { error_code: string; error: string }[])[0];
}

// Follows multivariant -> variant -> first segment and returns the segment response.
async function playThrough(url: string, origin?: string): Promise<Response> {
  const master = await get(url, origin);
  expect(master.status).toBe(200);
  const variant = new URL(
    (await master.text()).split('\n').find((l) => l && !l.startsWith('#'))!,
    url,
  ).toString();
  const media = await get(variant, origin);
  expect(media.status).toBe(200);
  const segment = new URL(
    (await media.text()).split('\n').find((l) => l.endsWith('.ts') || l.includes('.ts?'))!,
    variant,
  ).toString();
  return get(segment, origin);
}

describe('local playback of public channels', () => {
  it('serves a live channel as HLS with CORS, down to a real MPEG-TS segment', async () => {
    const { url } = await liveChannel(false);
    const master = await get(url, 'http://localhost:3000');
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(master.headers.get('access-control-allow-origin')).toBe('*');
    const segment = await playThrough(url);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(new Uint8Array(await segment.arrayBuffer())[0]).toBe(0x47);
  });

  it('answers 404 with an IVS-like error for an offline or unknown channel', async () => {
    const { url } = await liveChannel(false, false);
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toMatchObject({ error_code: 'channel_offline' });
    const unknown = await get(url.replace(/channel\.\w+\.m3u8$/, 'channel.zzzzZZZZ0000.m3u8'));
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ error_code: 'invalid_channel' });
  });

  it('stops serving when the stream stops, and answers CORS preflights', async () => {
    const { arn, url } = await liveChannel(false);
    expect((await get(url)).status).toBe(200);
    await env.control.stopStream(arn);
    expect((await get(url)).status).toBe(404);
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('local playback of private channels', () => {
  it('refuses playback without a valid token and plays with one', async () => {
    const { arn, url } = await liveChannel(true);
    const key = await importKey();
    const none = await get(url);
    expect(none.status).toBe(403);
    expect(await errorOf(none)).toMatchObject({ error_code: 'token_required' });

    const stranger = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey;
    expect((await get(`${url}?token=${token(stranger, { 'aws:channel-arn': arn })}`)).status).toBe(403);
    const expired = await get(`${url}?token=${token(key.privateKey, { 'aws:channel-arn': arn, exp: 1 })}`);
    expect(await errorOf(expired)).toMatchObject({ error_code: 'token_expired' });

    const good = `${url}?token=${token(key.privateKey, { 'aws:channel-arn': arn })}`;
    const segment = await playThrough(good);
    expect(segment.status).toBe(200);
    // The variant playlist and segments need the token too.
    expect((await get(url.replace(/\.m3u8$/, '/chunklist.m3u8'))).status).toBe(403);

    // A deleted key pair no longer verifies anything.
    await env.ivs.send(new DeletePlaybackKeyPairCommand({ arn: key.arn }));
    expect((await get(good)).status).toBe(403);
  });

  it('enforces the allowed origin, strictly when asked', async () => {
    const { arn, url } = await liveChannel(true);
    const key = await importKey();
    const claims = { 'aws:channel-arn': arn, 'aws:access-control-allow-origin': 'http://localhost:3000' };
    const loose = `${url}?token=${token(key.privateKey, claims)}`;
    expect((await get(loose, 'http://localhost:3000')).status).toBe(200);
    const other = await get(loose, 'https://evil.example');
    expect(await errorOf(other)).toMatchObject({ error_code: 'origin_not_allowed' });
    const strict = `${url}?token=${token(key.privateKey, { ...claims, 'aws:strict-origin-enforcement': true })}`;
    expect((await get(strict)).status).toBe(403);
    expect((await playThrough(strict, 'http://localhost:3000')).status).toBe(200);
    await env.ivs.send(new DeletePlaybackKeyPairCommand({ arn: key.arn }));
  });

  it('refuses a revoked viewer session, also mid-playback, and spends single-use tokens', async () => {
    const { arn, url } = await liveChannel(true);
    const key = await importKey();
    const v1 = `${url}?token=${token(key.privateKey, { 'aws:channel-arn': arn, 'aws:viewer-id': 'alice', 'aws:viewer-session-version': 1 })}`;
    const v2 = `${url}?token=${token(key.privateKey, { 'aws:channel-arn': arn, 'aws:viewer-id': 'alice', 'aws:viewer-session-version': 2 })}`;
    expect((await get(v1)).status).toBe(200);
    const variant = v1.replace(/\.m3u8\?/, '/chunklist.m3u8?');
    expect((await get(variant)).status).toBe(200);
    await env.ivs.send(
      new StartViewerSessionRevocationCommand({ channelArn: arn, viewerId: 'alice', viewerSessionVersionsLessThanOrEqualTo: 1 }),
    );
    const refused = await get(v1);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({ error_code: 'viewer_session_revoked' });
    expect((await get(variant)).status).toBe(403);
    expect((await get(v2)).status).toBe(200);

    const once = `${url}?token=${token(key.privateKey, { 'aws:channel-arn': arn, 'aws:single-use-uuid': randomUUID() })}`;
    expect((await get(once)).status).toBe(200);
    expect(await errorOf(await get(once))).toMatchObject({ error_code: 'token_used' });
    await env.ivs.send(new DeletePlaybackKeyPairCommand({ arn: key.arn }));
  });

  it('serves public channels without looking at tokens', async () => {
    const { url } = await liveChannel(false);
    expect((await get(`${url}?token=garbage`)).status).toBe(200);
  });
});
