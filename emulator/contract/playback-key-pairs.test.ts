import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictException,
  DeletePlaybackKeyPairCommand,
  GetPlaybackKeyPairCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ValidationException,
} from '@aws-sdk/client-ivs';
import { ACCOUNT, REGION, arnPattern, ecPrivateKeyPem, ecPublicKeyPem, rejects, rsaPublicKeyPem, setupEmulator } from './helpers';

const env = setupEmulator();
const FINGERPRINT = /^[0-9a-f]{2}(:[0-9a-f]{2})+$/i;
const missingArn = `arn:aws:ivs:${REGION}:${ACCOUNT}:playback-key/abcdABCDefgh`;
const importKey = (publicKeyMaterial: string, name?: string, tags?: Record<string, string>) =>
  env.ivs.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial, name, tags }));

beforeEach(async () => {
  await env.control.reset();
});

describe('ImportPlaybackKeyPair', () => {
  it('imports an ECDSA P-384 public key PEM and returns arn and fingerprint', async () => {
    const out = await importKey(ecPublicKeyPem(), 'viewer-tokens', { env: 'test' });
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.keyPair?.arn).toMatch(arnPattern('playback-key'));
    expect(out.keyPair?.fingerprint).toMatch(FINGERPRINT);
    expect(out.keyPair).toMatchObject({ name: 'viewer-tokens', tags: { env: 'test' } });
    expect(JSON.stringify(out)).not.toMatch(/PRIVATE KEY/);
  });

  it('gives different keys different fingerprints', async () => {
    const a = await importKey(ecPublicKeyPem());
    const b = await importKey(ecPublicKeyPem());
    expect(a.keyPair?.fingerprint).not.toBe(b.keyPair?.fingerprint);
  });

  it.each([
    ['an RSA public key', () => rsaPublicKeyPem()],
    ['a P-256 public key', () => ecPublicKeyPem('prime256v1')],
    ['a private key', () => ecPrivateKeyPem()],
    ['garbage', () => 'not a key at all'],
    ['a truncated PEM', () => ecPublicKeyPem().slice(0, 80)],
  ])('refuses %s with ValidationException', async (_label, make) => {
    await rejects(importKey(make()), ValidationException, 400);
  });

  it('refuses the same public key twice with ConflictException', async () => {
    const pem = ecPublicKeyPem();
    await importKey(pem);
    await rejects(importKey(pem), ConflictException, 409);
  });

  it('refuses a fourth key pair with ServiceQuotaExceededException', async () => {
    for (let i = 0; i < 3; i++) await importKey(ecPublicKeyPem());
    await rejects(importKey(ecPublicKeyPem()), ServiceQuotaExceededException, 402);
  });

  it('counts the quota per region', async () => {
    for (let i = 0; i < 3; i++) await importKey(ecPublicKeyPem());
    const east = env.client({ region: 'us-east-1' });
    const out = await east.send(new ImportPlaybackKeyPairCommand({ publicKeyMaterial: ecPublicKeyPem() }));
    expect(out.keyPair?.arn).toMatch(arnPattern('playback-key', 'us-east-1'));
    expect((await east.send(new ListPlaybackKeyPairsCommand({}))).keyPairs).toHaveLength(1);
  });

  it('validates the name', async () => {
    await rejects(importKey(ecPublicKeyPem(), 'bad name'), ValidationException, 400);
    await rejects(importKey(ecPublicKeyPem(), 'x'.repeat(129)), ValidationException, 400);
  });
});

describe('Get / List / DeletePlaybackKeyPair', () => {
  it('gets an imported pair and refuses missing or malformed ARNs', async () => {
    const { keyPair } = await importKey(ecPublicKeyPem(), 'k1');
    const got = await env.ivs.send(new GetPlaybackKeyPairCommand({ arn: keyPair!.arn }));
    expect(got.keyPair).toEqual(keyPair);
    await rejects(env.ivs.send(new GetPlaybackKeyPairCommand({ arn: missingArn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new GetPlaybackKeyPairCommand({ arn: 'playback-key/x' })), ValidationException, 400);
  });

  it('lists summaries and pages through them', async () => {
    const arns: string[] = [];
    for (let i = 0; i < 3; i++) arns.push((await importKey(ecPublicKeyPem(), `k${i}`)).keyPair!.arn!);
    const all = await env.ivs.send(new ListPlaybackKeyPairsCommand({}));
    expect(all.keyPairs!.map((k) => k.arn).sort()).toEqual([...arns].sort());
    expect(all.keyPairs!.map((k) => k.name).sort()).toEqual(['k0', 'k1', 'k2']);
    const first = await env.ivs.send(new ListPlaybackKeyPairsCommand({ maxResults: 2 }));
    expect(first.keyPairs).toHaveLength(2);
    const rest = await env.ivs.send(new ListPlaybackKeyPairsCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect([...first.keyPairs!, ...rest.keyPairs!].map((k) => k.arn).sort()).toEqual([...arns].sort());
    await rejects(env.ivs.send(new ListPlaybackKeyPairsCommand({ maxResults: 0 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListPlaybackKeyPairsCommand({ maxResults: 101 })), ValidationException, 400);
    await rejects(env.ivs.send(new ListPlaybackKeyPairsCommand({ nextToken: 'bm90LWEtcmVhbC10b2tlbg==' })), ValidationException, 400);
  });

  it('deletes a pair, frees its quota slot, and lets the same key be imported again', async () => {
    const pem = ecPublicKeyPem();
    const { keyPair } = await importKey(pem);
    await importKey(ecPublicKeyPem());
    await importKey(ecPublicKeyPem());
    const del = await env.ivs.send(new DeletePlaybackKeyPairCommand({ arn: keyPair!.arn }));
    expect(del.$metadata.httpStatusCode).toBe(200);
    await rejects(env.ivs.send(new GetPlaybackKeyPairCommand({ arn: keyPair!.arn })), ResourceNotFoundException);
    const again = await importKey(pem);
    expect(again.keyPair?.fingerprint).toBe(keyPair!.fingerprint);
    await rejects(env.ivs.send(new DeletePlaybackKeyPairCommand({ arn: keyPair!.arn })), ResourceNotFoundException, 404);
    await rejects(env.ivs.send(new DeletePlaybackKeyPairCommand({ arn: 'nope' })), ValidationException, 400);
  });
});
