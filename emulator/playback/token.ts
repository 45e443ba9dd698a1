import { verify, type KeyObject } from 'node:crypto';
import type { Revocation } from '../records';

// IVS private-channel playback tokens, checked the way the IVS user guide describes them
// ("Generate and Sign Playback Tokens"): an ES384 JWT whose signature must match a public key
// imported in the channel's region, with `aws:`-prefixed claims.

export interface PlaybackClaims {
  'aws:channel-arn'?: unknown;
  'aws:access-control-allow-origin'?: unknown;
  'aws:strict-origin-enforcement'?: unknown;
  'aws:single-use-uuid'?: unknown;
  'aws:viewer-id'?: unknown;
  'aws:viewer-session-version'?: unknown;
  exp?: unknown;
}

/** Which playback request carries the token: IVS checks some claims on the first request only. */
export type PlaybackRequestKind = 'multivariant' | 'variant' | 'segment';

export interface TokenCheck {
  channelArn: string;
  /** Public keys of every playback key pair imported in the channel's region. */
  publicKeys: KeyObject[];
  /** Revocations recorded for this channel. */
  revocations: Revocation[];
  /** The request's Origin header, if any. */
  origin: string | undefined;
  kind: PlaybackRequestKind;
  nowMs: number;
}

export type TokenVerdict = { ok: true; claims: PlaybackClaims } | { ok: false; code: string; reason: string };

const VIEWER_ID_MAX_LENGTH = 40;
// With a viewer id (or a single-use uuid) IVS accepts an exp at most 10 minutes ahead.
const SHORT_LIVED_MAX_SECONDS = 10 * 60;
const CLOCK_SKEW_SECONDS = 30;

const refuse = (code: string, reason: string): TokenVerdict => ({ ok: false, code, reason });

function decodeJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// JWS ES384 signatures are raw r||s (96 bytes), which node:crypto reads as 'ieee-p1363'.
function signedByAny(signingInput: string, signature: Buffer, keys: KeyObject[]): boolean {
  if (signature.length !== 96) return false;
  return keys.some((key) => {
    try {
      return verify('sha384', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, signature);
    } catch {
      return false;
    }
  });
}

/** Whether `origin` is one of the comma-separated allowed origins; a hostname may start with "*.". */
export function originAllowed(allowed: string, origin: string): boolean {
  let actual: URL;
  try {
    actual = new URL(origin);
  } catch {
    return false;
  }
  return allowed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const m = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\d+))?\/?$/i.exec(entry);
      if (!m) return false;
      const [, scheme, wildcard, host, port] = m;
      if (`${scheme.toLowerCase()}:` !== actual.protocol || (port ?? '') !== actual.port) return false;
      const hostname = actual.hostname.toLowerCase();
      return wildcard ? hostname.endsWith(`.${host.toLowerCase()}`) : hostname === host.toLowerCase();
    });
}

function checkOrigin(claims: PlaybackClaims, check: TokenCheck): TokenVerdict | undefined {
  const allowed = claims['aws:access-control-allow-origin'];
  const strict = claims['aws:strict-origin-enforcement'] === true;
  if (allowed === undefined) return undefined;
  if (typeof allowed !== 'string') return refuse('invalid_token', 'aws:access-control-allow-origin must be a string.');
  // Without strict enforcement only the multivariant playlist is checked, and only for browsers.
  if (!strict && check.kind !== 'multivariant') return undefined;
  if (check.origin === undefined) {
    return strict ? refuse('origin_required', 'Strict origin enforcement: the request has no Origin header.') : undefined;
  }
  if (!originAllowed(allowed, check.origin))
    return refuse('origin_not_allowed', `Origin ${check.origin} is not allowed by the playback token.`);
  return undefined;
}

function checkViewer(claims: PlaybackClaims, check: TokenCheck): TokenVerdict | undefined {
  const viewerId = claims['aws:viewer-id'];
  const version = claims['aws:viewer-session-version'] ?? 0;
  if (viewerId === undefined) return undefined;
  if (typeof viewerId !== 'string' || viewerId.length === 0 || viewerId.length > VIEWER_ID_MAX_LENGTH) {
    return refuse('invalid_token', `aws:viewer-id must be a string of 1 to ${VIEWER_ID_MAX_LENGTH} characters.`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse('invalid_token', 'aws:viewer-session-version must be a whole number of 0 or more.');
  }
  const revoked = check.revocations.some((r) => r.viewerId === viewerId && version <= r.viewerSessionVersionsLessThanOrEqualTo);
  return revoked ? refuse('viewer_session_revoked', `The session of viewer ${viewerId} (version ${version}) has been revoked.`) : undefined;
}

function checkExpiry(claims: PlaybackClaims, nowSeconds: number): TokenVerdict | undefined {
  const { exp } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return refuse('invalid_token', 'The playback token has no numeric exp claim.');
  if (exp <= nowSeconds) return refuse('token_expired', 'The playback token has expired.');
  const shortLived = claims['aws:viewer-id'] !== undefined || claims['aws:single-use-uuid'] !== undefined;
  if (shortLived && exp > nowSeconds + SHORT_LIVED_MAX_SECONDS + CLOCK_SKEW_SECONDS) {
    return refuse('invalid_token', 'With aws:viewer-id or aws:single-use-uuid, exp may be at most 10 minutes ahead.');
  }
  return undefined;
}

// Verifies a playback token for one request. A token admits a viewer: exp is checked when playback
// starts (the multivariant playlist), while signature, channel and revocation hold on every request.
export function verifyPlaybackToken(token: string | null | undefined, check: TokenCheck): TokenVerdict {
  if (!token) return refuse('token_required', 'This channel is private: a playback token (?token=) is required.');
  const parts = token.split('.');
  if (parts.length !== 3) return refuse('invalid_token', 'The playback token is not a JWT (header.payload.signature).');
  const [head, body, sig] = parts;
  const header = decodeJson(head);
  const claims = decodeJson(body);
  if (!isObject(header) || !isObject(claims)) return refuse('invalid_token', 'The playback token header or payload is not base64url JSON.');
  if (header.alg !== 'ES384') return refuse('invalid_token', `The playback token must be signed with ES384, not ${String(header.alg)}.`);
  if (check.publicKeys.length === 0) return refuse('invalid_signature', "No playback key pair is imported in this channel's region.");
  if (!/^[A-Za-z0-9_-]+$/.test(sig) || !signedByAny(`${head}.${body}`, Buffer.from(sig, 'base64url'), check.publicKeys)) {
    return refuse('invalid_signature', 'The playback token signature matches no playback key pair imported in this region.');
  }
  const c = claims as PlaybackClaims;
  if (c['aws:channel-arn'] !== check.channelArn) return refuse('channel_mismatch', 'The playback token is for another channel.');
  const nowSeconds = check.nowMs / 1000;
  return (
    (check.kind === 'multivariant' ? checkExpiry(c, nowSeconds) : undefined) ??
    checkOrigin(c, check) ??
    checkViewer(c, check) ?? { ok: true, claims: c }
  );
}
