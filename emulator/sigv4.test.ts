import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { verifySigV4, type SignedRequest } from './sigv4';

// A Hash for the SDK's own signer, so these tests check against AWS's implementation, not ours.
class Sha256 {
  private readonly h;
  constructor(secret?: unknown) {
    this.h = secret ? createHmac('sha256', secret as string) : createHash('sha256');
  }
  update(data: string | Uint8Array) {
    this.h.update(data);
  }
  async digest() {
    return new Uint8Array(this.h.digest());
  }
}

const CREDS = { accessKeyId: 'test', secretAccessKey: 'test' };

async function sign(opts: {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  body?: string;
  region?: string;
  secret?: string;
  date?: Date;
}): Promise<SignedRequest> {
  const signer = new SignatureV4({
    service: 'ivs',
    region: opts.region ?? 'us-west-2',
    sha256: Sha256,
    credentials: { accessKeyId: 'test', secretAccessKey: opts.secret ?? 'test' },
  });
  const body = opts.body ?? '';
  const signed = await signer.sign(
    {
      method: opts.method,
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4599,
      path: opts.path,
      query: opts.query ?? {},
      headers: { host: '127.0.0.1:4599', 'content-type': 'application/json' },
      body,
    },
    { signingDate: opts.date ?? new Date() },
  );
  const qs = Object.entries(opts.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`))
    .join('&');
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method: opts.method, rawUrl: qs ? `${opts.path}?${qs}` : opts.path, headers, body: Buffer.from(body) };
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};

describe('verifySigV4', () => {
  it('accepts a POST signed by the AWS SDK signer and reports the scope region', async () => {
    const req = await sign({ method: 'POST', path: '/GetChannel', body: '{"arn":"x"}', region: 'eu-central-1' });
    expect(verifySigV4(req, CREDS)).toEqual({ accessKeyId: 'test', region: 'eu-central-1' });
  });

  it('accepts the double-encoded tag path and repeated query keys', async () => {
    const arn = encodeURIComponent('arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234');
    const req = await sign({ method: 'DELETE', path: `/tags/${arn}`, query: { tagKeys: ['b key', 'a'] } });
    expect(verifySigV4(req, CREDS).region).toBe('us-west-2');
  });

  it('rejects a wrong secret, a tampered body and a tampered path', async () => {
    const wrongSecret = await sign({ method: 'POST', path: '/ListChannels', body: '{}', secret: 'nope' });
    expect(code(() => verifySigV4(wrongSecret, CREDS))).toBe('InvalidSignatureException');
    const tampered = await sign({ method: 'POST', path: '/ListChannels', body: '{}' });
    expect(code(() => verifySigV4({ ...tampered, body: Buffer.from('{"maxResults":1}') }, CREDS))).toBe('InvalidSignatureException');
    expect(code(() => verifySigV4({ ...tampered, rawUrl: '/ListStreams' }, CREDS))).toBe('InvalidSignatureException');
  });

  it('distinguishes missing auth from an unknown access key', async () => {
    const req = await sign({ method: 'POST', path: '/ListChannels', body: '{}' });
    expect(code(() => verifySigV4({ ...req, headers: { ...req.headers, authorization: undefined } }, CREDS))).toBe(
      'MissingAuthenticationTokenException',
    );
    expect(code(() => verifySigV4(req, { accessKeyId: 'other', secretAccessKey: 'test' }))).toBe('UnrecognizedClientException');
  });

  it('rejects signatures older than five minutes', async () => {
    const req = await sign({ method: 'POST', path: '/ListChannels', body: '{}', date: new Date(Date.now() - 6 * 60 * 1000) });
    expect(code(() => verifySigV4(req, CREDS))).toBe('InvalidSignatureException');
    expect(code(() => verifySigV4(req, CREDS, new Date(Date.now() - 6 * 60 * 1000)))).toBe('no error');
  });

  it('rejects a credential scoped to another service', async () => {
    const req = await sign({ method: 'POST', path: '/ListChannels', body: '{}' });
    const auth = String(req.headers.authorization).replace('/ivs/', '/s3/');
    expect(code(() => verifySigV4({ ...req, headers: { ...req.headers, authorization: auth } }, CREDS))).toBe('InvalidSignatureException');
  });
});
