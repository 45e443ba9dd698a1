import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// aws mode: the account comes from the credentials when they carry it, else from one STS
// GetCallerIdentity (here a local STS answering the query protocol, reached through the SDK's own
// AWS_ENDPOINT_URL_STS), and a failed look-up leaves it unknown and is tried again later.

vi.hoisted(() => {
  Object.assign(process.env, { IVS_MODE: 'aws', AWS_REGION: 'us-west-2', AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret' });
  delete process.env.AWS_ACCOUNT_ID;
});

const { consoleAccount } = await import('./account');

let sts: Server;
let calls = 0;
let failing = false;

beforeAll(async () => {
  sts = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls += 1;
      if (failing || !body.includes('Action=GetCallerIdentity')) {
        res
          .writeHead(500, { 'content-type': 'text/xml' })
          .end('<ErrorResponse><Error><Code>InternalFailure</Code></Error></ErrorResponse>');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/xml' })
        .end(
          '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
            '<Arn>arn:aws:iam::444455556666:user/console</Arn><UserId>AIDA</UserId><Account>444455556666</Account>' +
            '</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
        );
    });
  });
  await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
});
afterAll(() => {
  sts.close();
  delete process.env.AWS_ENDPOINT_URL_STS;
});

// A fresh process: no remembered account and no IVS client whose credentials are already resolved.
beforeEach(() => {
  const g = globalThis as { __ivsAccount?: { lookup?: unknown }; __ivsClients?: Map<string, unknown> };
  delete g.__ivsAccount?.lookup;
  g.__ivsClients?.clear();
  calls = 0;
  failing = false;
  delete process.env.AWS_ACCOUNT_ID;
  vi.restoreAllMocks();
});

describe('consoleAccount in aws mode', () => {
  it('takes the account the credentials carry, with no STS call', async () => {
    process.env.AWS_ACCOUNT_ID = '111122223333';
    expect(await consoleAccount()).toBe('111122223333');
    expect(calls).toBe(0);
  });

  it('otherwise asks STS once per process', async () => {
    expect(await Promise.all([consoleAccount(), consoleAccount()])).toEqual(['444455556666', '444455556666']);
    expect(await consoleAccount()).toBe('444455556666');
    expect(calls).toBe(1);
  });

  it('is unknown when STS fails, and asked again after a minute', async () => {
    failing = true;
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await consoleAccount()).toBeUndefined();
    const failedCalls = calls;
    expect(await consoleAccount()).toBeUndefined();
    expect(calls).toBe(failedCalls); // not retried at once
    failing = false;
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    expect(await consoleAccount()).toBe('444455556666');
  });
});
