import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// Stand-ins on 127.0.0.1 for the AWS infrastructure the SDK's default credential chain asks for
// keys (container credential endpoint, EC2 instance metadata, STS), the way the emulator stands in
// for IVS. Each speaks only its documented wire format and records what it was sent, so a test can
// prove which source the console's IVS client took its keys from.

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeSource {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

// Far enough ahead that the SDK does not treat the keys as about to expire (it refreshes at 5 min).
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function serve(answer: (req: SeenRequest, res: ServerResponse) => void): Promise<FakeSource> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(seen);
      answer(seen, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** ECS task role / EKS Pod Identity agent: GET on the full URI, Authorization = the container token. */
export function fakeContainerCredentials(creds: IssuedCredentials, opts: { path: string; authorization: string }): Promise<FakeSource> {
  return serve((req, res) => {
    if (req.method !== 'GET' || req.path !== opts.path)
      return send(res, 404, JSON.stringify({ code: 'NotFound', message: 'No such credentials path' }));
    if (req.headers.authorization !== opts.authorization)
      return send(res, 401, JSON.stringify({ code: 'AccessDenied', message: 'Invalid authorization token' }));
    send(
      res,
      200,
      JSON.stringify({
        AccessKeyId: creds.accessKeyId,
        SecretAccessKey: creds.secretAccessKey,
        Token: creds.sessionToken,
        Expiration: inAnHour(),
      }),
    );
  });
}

/** EC2 instance metadata with IMDSv2 required: PUT a session token first, every GET must carry it. */
export function fakeInstanceMetadata(creds: IssuedCredentials, role: string): Promise<FakeSource> {
  const token = randomUUID();
  const base = '/latest/meta-data/iam/security-credentials/';
  return serve((req, res) => {
    if (req.method === 'PUT' && req.path === '/latest/api/token') {
      // IMDS refuses a token request without a TTL header (400), as the real service does.
      return req.headers['x-aws-ec2-metadata-token-ttl-seconds'] ? send(res, 200, token, 'text/plain') : send(res, 400, '', 'text/plain');
    }
    if (req.method !== 'GET') return send(res, 405, '', 'text/plain');
    if (req.headers['x-aws-ec2-metadata-token'] !== token) return send(res, 401, '', 'text/plain');
    if (req.path === base) return send(res, 200, role, 'text/plain');
    if (req.path !== `${base}${role}`) return send(res, 404, '', 'text/plain');
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    send(
      res,
      200,
      JSON.stringify({
        Code: 'Success',
        LastUpdated: now,
        Type: 'AWS-HMAC',
        AccessKeyId: creds.accessKeyId,
        SecretAccessKey: creds.secretAccessKey,
        Token: creds.sessionToken,
        Expiration: inAnHour(),
      }),
    );
  });
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * STS (query protocol: form-encoded POST, XML answer) for one role: AssumeRoleWithWebIdentity with
 * this web identity token, or AssumeRole signed with this source key (its id is read from the
 * Authorization header; the signature itself is not checked here).
 */
export function fakeSts(
  creds: IssuedCredentials,
  opts: { roleArn: string; webIdentityToken?: string; sourceAccessKeyId?: string },
): Promise<FakeSource> {
  return serve((req, res) => {
    const form = new URLSearchParams(req.body);
    const action = form.get('Action');
    const fail = (status: number, code: string, message: string) =>
      send(
        res,
        status,
        `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
        'text/xml',
      );
    if (req.method !== 'POST' || (action !== 'AssumeRoleWithWebIdentity' && action !== 'AssumeRole'))
      return fail(400, 'InvalidAction', 'Only AssumeRole and AssumeRoleWithWebIdentity are served here.');
    if (action === 'AssumeRoleWithWebIdentity' && (!opts.webIdentityToken || form.get('WebIdentityToken') !== opts.webIdentityToken)) {
      return fail(400, 'InvalidIdentityToken', 'The web identity token is not valid.');
    }
    const signedBy = /Credential=([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1];
    if (action === 'AssumeRole' && (!opts.sourceAccessKeyId || signedBy !== opts.sourceAccessKeyId))
      return fail(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    if (form.get('RoleArn') !== opts.roleArn) return fail(403, 'AccessDenied', `Not authorized to perform sts:${action}`);
    const session = form.get('RoleSessionName') ?? 'session';
    send(
      res,
      200,
      `<${action}Response xmlns="${STS_NS}"><${action}Result>` +
        `<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/${opts.roleArn.split('/').pop()}/${session}</Arn><AssumedRoleId>AROAEXAMPLEROLEID:${session}</AssumedRoleId></AssumedRoleUser>` +
        `<Credentials><AccessKeyId>${creds.accessKeyId}</AccessKeyId><SecretAccessKey>${creds.secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${creds.sessionToken}</SessionToken><Expiration>${inAnHour()}</Expiration></Credentials>` +
        `</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
      'text/xml',
    );
  });
}

/** IAM Identity Center (SSO) portal: GetRoleCredentials for one account and role, with this access token. */
export function fakeSsoPortal(
  creds: IssuedCredentials,
  opts: { accessToken: string; accountId: string; roleName: string },
): Promise<FakeSource> {
  return serve((req, res) => {
    const url = new URL(req.path, 'http://sso.local');
    if (req.method !== 'GET' || url.pathname !== '/federation/credentials') return send(res, 404, JSON.stringify({ message: 'Not found' }));
    if (req.headers['x-amz-sso_bearer_token'] !== opts.accessToken) {
      res.setHeader('x-amzn-errortype', 'UnauthorizedException');
      return send(res, 401, JSON.stringify({ message: 'Session token not found or invalid' }));
    }
    if (url.searchParams.get('account_id') !== opts.accountId || url.searchParams.get('role_name') !== opts.roleName) {
      res.setHeader('x-amzn-errortype', 'ForbiddenException');
      return send(res, 403, JSON.stringify({ message: 'No access' }));
    }
    const roleCredentials = {
      accessKeyId: creds.accessKeyId,
      secretAccessKey: creds.secretAccessKey,
      sessionToken: creds.sessionToken,
      expiration: Date.now() + 3_600_000,
    };
    send(res, 200, JSON.stringify({ roleCredentials }));
  });
}
