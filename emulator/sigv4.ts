import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { IvsError } from './errors';

export interface SignedRequest {
  method: string;
  // Path and query exactly as they arrived on the wire (still percent-encoded).
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface VerifiedCaller {
  accessKeyId: string;
  region: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

// RFC 3986 encoding as the AWS SDKs do it (encodeURIComponent leaves !'()* alone).
export function escapeUri(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'));
  } catch {
    return s;
  }
};

// Non-S3 services sign the already-encoded path encoded once more, with dot segments removed.
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const joined = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(joined).replace(/%2F/g, '/');
}

export function canonicalQuery(query: string): string {
  const pairs = query
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=');
      const k = safeDecode(i < 0 ? p : p.slice(0, i));
      const v = safeDecode(i < 0 ? '' : p.slice(i + 1));
      return [escapeUri(k), escapeUri(v)] as const;
    })
    .filter(([k]) => k !== 'X-Amz-Signature');
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : (v ?? '')).trim().replace(/\s+/g, ' ');

// AWS rejects signatures more than five minutes away from its clock (replay protection).
export const MAX_SKEW_MS = 5 * 60 * 1000;

const compact = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function checkClock(amzDate: string, now: Date): void {
  const signedAt = Date.UTC(
    +amzDate.slice(0, 4),
    +amzDate.slice(4, 6) - 1,
    +amzDate.slice(6, 8),
    +amzDate.slice(9, 11),
    +amzDate.slice(11, 13),
    +amzDate.slice(13, 15),
  );
  const skew = signedAt - now.getTime();
  if (skew < -MAX_SKEW_MS) {
    const earliest = compact(new Date(now.getTime() - MAX_SKEW_MS));
    throw new IvsError(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${earliest} (${compact(now)} - 5 min.)`,
    );
  }
  if (skew > MAX_SKEW_MS) {
    const latest = compact(new Date(now.getTime() + MAX_SKEW_MS));
    throw new IvsError(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${latest} (${compact(now)} + 5 min.)`,
    );
  }
}

interface ParsedAuth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): ParsedAuth {
  if (!header.startsWith('AWS4-HMAC-SHA256 ')) {
    throw new IvsError('IncompleteSignatureException', 'Authorization header requires the AWS4-HMAC-SHA256 algorithm.');
  }
  const fields: Record<string, string> = {};
  for (const part of header.slice('AWS4-HMAC-SHA256 '.length).split(',')) {
    const i = part.indexOf('=');
    if (i > 0) fields[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  const scope = (fields.Credential ?? '').split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || !fields.SignedHeaders || !fields.Signature) {
    throw new IvsError(
      'IncompleteSignatureException',
      "Authorization header requires 'Credential' (key/date/region/service/aws4_request), 'SignedHeaders' and 'Signature'.",
    );
  }
  const [accessKeyId, date, region, service] = scope;
  return { accessKeyId, date, region, service, signedHeaders: fields.SignedHeaders.split(';'), signature: fields.Signature };
}

// Recomputes the SigV4 signature for `service` (`ivs`, or `monitoring` for CloudWatch); throws the
// error AWS would answer with.
export function verifySigV4(req: SignedRequest, creds: Credentials, now = new Date(), service = 'ivs'): VerifiedCaller {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || auth === '') throw new IvsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const a = parseAuthorization(auth);
  if (a.accessKeyId !== creds.accessKeyId) {
    throw new IvsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (a.service !== service)
    throw new IvsError('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'.`);
  const amzDate = headerValue(req.headers['x-amz-date']);
  if (!/^\d{8}T\d{6}Z$/.test(amzDate)) throw new IvsError('IncompleteSignatureException', "Missing or malformed 'X-Amz-Date' header.");
  if (amzDate.slice(0, 8) !== a.date) throw new IvsError('InvalidSignatureException', 'Credential date does not match X-Amz-Date.');
  checkClock(amzDate, now);
  if (!a.signedHeaders.includes('host')) throw new IvsError('InvalidSignatureException', "'Host' must be a signed header.");

  const q = req.rawUrl.indexOf('?');
  const path = q < 0 ? req.rawUrl : req.rawUrl.slice(0, q);
  const query = q < 0 ? '' : req.rawUrl.slice(q + 1);
  const declared = headerValue(req.headers['x-amz-content-sha256']);
  const payloadHash = declared === 'UNSIGNED-PAYLOAD' ? declared : sha256Hex(req.body);
  const canonicalRequest = [
    req.method,
    canonicalPath(path),
    canonicalQuery(query),
    a.signedHeaders.map((h) => `${h}:${headerValue(req.headers[h])}\n`).join(''),
    a.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${a.date}/${a.region}/${a.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const kDate = hmac(`AWS4${creds.secretAccessKey}`, a.date);
  const kSigning = hmac(hmac(hmac(kDate, a.region), a.service), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', kSigning).update(stringToSign).digest('hex'));
  const given = Buffer.from(a.signature);
  const payloadOk = !declared || declared === 'UNSIGNED-PAYLOAD' || declared === payloadHash;
  if (!payloadOk || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new IvsError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { accessKeyId: a.accessKeyId, region: a.region };
}

/** The service a request's SigV4 credential scope names (`ivs`, `monitoring`), or undefined. */
export function signedService(headers: Record<string, string | string[] | undefined>): string | undefined {
  const auth = headers.authorization;
  if (typeof auth !== 'string') return undefined;
  return /Credential=[^/,\s]+\/\d{8}\/[^/,\s]+\/([^/,\s]+)\/aws4_request/.exec(auth)?.[1];
}
