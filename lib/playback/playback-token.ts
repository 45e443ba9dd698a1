import { bytesToBase64Url } from './pem';
import { splitOrigins } from './token-options';
import type { PlaybackTokenInput } from './token-schema';

// IVS private-channel playback tokens: ES384-signed JWTs with IVS's claim names.
export interface PlaybackClaims {
  'aws:channel-arn': string;
  'aws:access-control-allow-origin'?: string;
  'aws:strict-origin-enforcement'?: boolean;
  'aws:viewer-id'?: string;
  'aws:viewer-session-version'?: number;
  exp: number;
}

export const TOKEN_HEADER = { alg: 'ES384', typ: 'JWT' } as const;

/** Claims for validated form input. `now` is injectable for tests. */
export function buildPlaybackClaims(input: PlaybackTokenInput, now: number = Date.now()): PlaybackClaims {
  const claims: PlaybackClaims = {
    'aws:channel-arn': input.channelArn,
    exp: Math.floor(now / 1000) + input.expiresInMinutes * 60,
  };
  const origins = splitOrigins(input.allowedOrigin);
  if (origins.length > 0) {
    claims['aws:access-control-allow-origin'] = origins.join(',');
    claims['aws:strict-origin-enforcement'] = input.strictOriginEnforcement;
  }
  if (input.viewerId) {
    claims['aws:viewer-id'] = input.viewerId;
    // Revocation compares against this version; without one IVS treats the session as version 0.
    claims['aws:viewer-session-version'] = input.viewerSessionVersion ?? 0;
  }
  return claims;
}

const encodeJson = (value: unknown) => bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)));

/** header.payload.signature, where WebCrypto's ECDSA output is already JWS's raw r||s form. */
export async function signPlaybackToken(claims: PlaybackClaims, key: CryptoKey): Promise<string> {
  const signingInput = `${encodeJson(TOKEN_HEADER)}.${encodeJson(claims)}`;
  const signature = await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-384' }, key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${bytesToBase64Url(new Uint8Array(signature))}`;
}

/** The channel's playback URL with `?token=` (replacing any token already there). */
export function playbackUrlWithToken(playbackUrl: string, token: string): string {
  const url = new URL(playbackUrl);
  url.searchParams.set('token', token);
  return url.toString();
}
