import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IvsClient } from '@aws-sdk/client-ivs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { describeIvsError } from '@/lib/ivs/errors';
import {
  fakeContainerCredentials,
  fakeInstanceMetadata,
  fakeSsoPortal,
  fakeSts,
  type FakeSource,
  type IssuedCredentials,
} from '@/test/fake-aws-credential-sources';

// aws mode promises the standard AWS credential chain. Each test puts one key pair in exactly one
// source, starts the IVS emulator accepting only that pair (it checks SigV4 and answers 403
// otherwise), and lists channels through the console's own lib/ivs code: a listing proves the
// chain took its keys from that source. Nothing here reads the developer's ~/.aws or real IMDS.

const REGION = 'us-west-2';
type Globals = { __ivsClients?: Map<string, IvsClient> };

let savedEnv: NodeJS.ProcessEnv;
let tmp: string;
let emulator: RunningEmulator | undefined;
let fakes: FakeSource[] = [];

beforeEach(() => {
  savedEnv = { ...process.env };
  for (const name of Object.keys(process.env)) if (/^(AWS_|IVS_)/.test(name)) delete process.env[name];
  tmp = mkdtempSync(join(tmpdir(), 'ivs-cred-chain-'));
  Object.assign(process.env, {
    AWS_REGION: REGION,
    // Files that do not exist (rather than ~/.aws) unless a test writes them.
    AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'credentials'),
    AWS_CONFIG_FILE: join(tmp, 'config'),
    // Only the IMDS test lets the chain reach instance metadata (else it waits on 169.254.169.254).
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});

afterEach(async () => {
  for (const client of (globalThis as Globals).__ivsClients?.values() ?? []) client.destroy();
  delete (globalThis as Globals).__ivsClients;
  await Promise.all([emulator?.close(), ...fakes.map((f) => f.close())]);
  emulator = undefined;
  fakes = [];
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  rmSync(tmp, { recursive: true, force: true });
});

/** A key pair (with session token) that only one source hands out. */
function keysFor(source: string): IssuedCredentials {
  const id = `ASIA${source
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .padEnd(8, 'X')
    .slice(0, 8)}${randomBytes(4).toString('hex').toUpperCase()}`;
  return {
    accessKeyId: id,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `session-${source}-${randomBytes(8).toString('hex')}`,
  };
}

/** The local IVS, accepting only this key pair, and the console pointed at it. */
async function ivsAccepting(creds: Pick<IssuedCredentials, 'accessKeyId' | 'secretAccessKey'>): Promise<void> {
  emulator = await createEmulator({
    port: 0,
    quiet: true,
    seed: 1,
    region: REGION,
    credentials: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
  });
  process.env.IVS_ENDPOINT = emulator.url;
}

function file(name: string, text: string): string {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Loads lib/env and lib/ivs afresh (env is parsed at import) and lists channels as a page would. */
async function listChannelsAsTheConsole(): Promise<{ channels: number; sessionToken: string | undefined }> {
  vi.resetModules();
  delete (globalThis as Globals).__ivsClients;
  const { env } = await import('@/lib/env');
  const { ivsClient } = await import('@/lib/ivs/client');
  const { listChannelsPage } = await import('@/lib/ivs/channels');
  expect(env.mode).toBe('aws');
  // Observes the signed request: the emulator checks the key pair, this checks the session token went along.
  let sessionToken: string | undefined;
  ivsClient(REGION).middlewareStack.add(
    (next) => async (args) => {
      sessionToken = (args.request as { headers: Record<string, string> }).headers['x-amz-security-token'];
      return next(args);
    },
    { step: 'deserialize', name: 'observeSessionToken' },
  );
  const page = await listChannelsPage(REGION);
  return { channels: page.channels.length, sessionToken };
}

describe('aws mode reaches IVS with keys from each source of the default credential chain', () => {
  it('environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)', async () => {
    const keys = keysFor('env');
    await ivsAccepting(keys);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_SESSION_TOKEN: keys.sessionToken,
    });
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
  });

  it('a named profile in the shared credentials file (AWS_PROFILE), not its [default]', async () => {
    const keys = keysFor('profile');
    const decoy = keysFor('default');
    await ivsAccepting(keys);
    file(
      'credentials',
      `[default]\naws_access_key_id = ${decoy.accessKeyId}\naws_secret_access_key = ${decoy.secretAccessKey}\n\n` +
        `[ivs-console]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\naws_session_token = ${keys.sessionToken}\n`,
    );
    file('config', `[default]\nregion = eu-west-1\n\n[profile ivs-console]\nregion = ${REGION}\n`);
    process.env.AWS_PROFILE = 'ivs-console';
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
  });

  it('a profile in the shared config file that runs credential_process', async () => {
    const keys = keysFor('process');
    await ivsAccepting(keys);
    const output = {
      Version: 1,
      AccessKeyId: keys.accessKeyId,
      SecretAccessKey: keys.secretAccessKey,
      SessionToken: keys.sessionToken,
      Expiration: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const script = file('credential-helper.mjs', `process.stdout.write(${JSON.stringify(JSON.stringify(output))});\n`);
    file('config', `[profile ivs-helper]\nregion = ${REGION}\ncredential_process = "${process.execPath}" "${script}"\n`);
    process.env.AWS_PROFILE = 'ivs-helper';
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
  });

  it('a profile that assumes a role (role_arn + source_profile) through STS AssumeRole', async () => {
    const base = keysFor('base');
    const role = keysFor('assumed');
    const roleArn = 'arn:aws:iam::123456789012:role/ivs-console-operator';
    await ivsAccepting(role);
    const sts = await fakeSts(role, { roleArn, sourceAccessKeyId: base.accessKeyId });
    fakes.push(sts);
    file('credentials', `[base]\naws_access_key_id = ${base.accessKeyId}\naws_secret_access_key = ${base.secretAccessKey}\n`);
    file(
      'config',
      `[profile ivs-role]\nrole_arn = ${roleArn}\nsource_profile = base\nrole_session_name = ivs-console\nregion = ${REGION}\n`,
    );
    Object.assign(process.env, { AWS_PROFILE: 'ivs-role', AWS_ENDPOINT_URL_STS: sts.url });
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: role.sessionToken });
    expect(sts.requests.map((r) => Object.fromEntries(new URLSearchParams(r.body)))).toMatchObject([
      { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 'ivs-console' },
    ]);
  });

  it('an IAM Identity Center (SSO) profile with the token `aws sso login` cached', async () => {
    const keys = keysFor('sso');
    const accessToken = `sso-access-${randomBytes(12).toString('hex')}`;
    await ivsAccepting(keys);
    const portal = await fakeSsoPortal(keys, { accessToken, accountId: '123456789012', roleName: 'IvsConsoleOperator' });
    fakes.push(portal);
    const startUrl = 'https://example-corp.awsapps.com/start';
    file(
      'config',
      `[profile ivs-sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = IvsConsoleOperator\nregion = ${REGION}\n\n` +
        `[sso-session corp]\nsso_start_url = ${startUrl}\nsso_region = ${REGION}\nsso_registration_scopes = sso:account:access\n`,
    );
    // Where `aws sso login` leaves the token: ~/.aws/sso/cache/<sha1 of the session name>.json (HOME is the temp dir here).
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    file(
      `.aws/sso/cache/${createHash('sha1').update('corp').digest('hex')}.json`,
      JSON.stringify({ startUrl, region: REGION, accessToken, expiresAt }),
    );
    Object.assign(process.env, { HOME: tmp, AWS_PROFILE: 'ivs-sso', AWS_ENDPOINT_URL_SSO: portal.url });
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
    expect(portal.requests).toHaveLength(1);
    expect(portal.requests[0].path).toMatch(/^\/federation\/credentials\?/);
  });

  it.each([
    ['ECS-style token in AWS_CONTAINER_AUTHORIZATION_TOKEN', false],
    ['EKS Pod Identity-style token in AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE', true],
  ])('container credentials at AWS_CONTAINER_CREDENTIALS_FULL_URI, %s', async (_label, tokenInFile) => {
    const keys = keysFor('container');
    const authorization = `container-token-${randomBytes(8).toString('hex')}`;
    await ivsAccepting(keys);
    const agent = await fakeContainerCredentials(keys, { path: '/v1/credentials', authorization });
    fakes.push(agent);
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${agent.url}/v1/credentials`;
    if (tokenInFile) process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = file('eks-pod-identity-token', authorization);
    else process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = authorization;
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
    expect(agent.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([['GET', '/v1/credentials', authorization]]);
  });

  it('the EC2 instance role over IMDSv2, when nothing earlier in the chain applies', async () => {
    const keys = keysFor('instance');
    await ivsAccepting(keys);
    const imds = await fakeInstanceMetadata(keys, 'ivs-console-role');
    fakes.push(imds);
    delete process.env.AWS_EC2_METADATA_DISABLED;
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.url;
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
    expect(imds.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/iam/security-credentials/',
      'GET /latest/meta-data/iam/security-credentials/ivs-console-role',
    ]);
    // Every read carried the session token from the PUT: IMDSv1 was never used.
    const token = imds.requests.filter((r) => r.method === 'GET').map((r) => r.headers['x-aws-ec2-metadata-token']);
    expect(new Set(token).size).toBe(1);
    expect(token[0]).toBeTruthy();
  });

  it('web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN) through STS AssumeRoleWithWebIdentity', async () => {
    const keys = keysFor('webidentity');
    const roleArn = 'arn:aws:iam::123456789012:role/ivs-console';
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString('base64url')}.signature`;
    await ivsAccepting(keys);
    const sts = await fakeSts(keys, { roleArn, webIdentityToken: jwt });
    fakes.push(sts);
    Object.assign(process.env, {
      AWS_WEB_IDENTITY_TOKEN_FILE: file('web-identity-token', jwt),
      AWS_ROLE_ARN: roleArn,
      AWS_ROLE_SESSION_NAME: 'ivs-console-test',
      // The SDK's configured-endpoint variable for STS (honoured by @aws-sdk/nested-clients' STS client).
      AWS_ENDPOINT_URL_STS: sts.url,
    });
    expect(await listChannelsAsTheConsole()).toEqual({ channels: 1, sessionToken: keys.sessionToken });
    expect(sts.requests).toHaveLength(1);
    const form = new URLSearchParams(sts.requests[0].body);
    expect(Object.fromEntries(form)).toMatchObject({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: roleArn,
      RoleSessionName: 'ivs-console-test',
      WebIdentityToken: jwt,
    });
  });
});

describe('aws mode without usable credentials', () => {
  it('with no source at all, says the console has no AWS credentials and where they can come from', async () => {
    await ivsAccepting(keysFor('unused'));
    const error = await listChannelsAsTheConsole().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'CredentialsProviderError' });
    const info = describeIvsError(error);
    expect(info.code).toBe('CredentialsError');
    expect(info.message).toMatch(/could not get AWS credentials/);
    expect(info.message).toMatch(/AWS_PROFILE/);
  });

  it('with keys IVS does not know (another source’s, or revoked), says IVS did not recognise them', async () => {
    await ivsAccepting(keysFor('expected'));
    const stale = keysFor('stale');
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: stale.accessKeyId, AWS_SECRET_ACCESS_KEY: stale.secretAccessKey });
    const error = await listChannelsAsTheConsole().then(
      () => undefined,
      (e: unknown) => e,
    );
    const info = describeIvsError(error);
    expect(info.code).toBe('UnrecognizedClientException');
    expect(info.message).toMatch(/access key/i);
  });
});
