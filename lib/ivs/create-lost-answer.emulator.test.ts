import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  GetPlaybackKeyPairCommand,
  IvsClient,
  ListPlaybackKeyPairsCommand,
  ListPlaybackRestrictionPoliciesCommand,
  ListRecordingConfigurationsCommand,
} from '@aws-sdk/client-ivs';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { DEFAULT_RECORDING_CONFIGURATION } from '@/lib/ivs/schemas/recording-configuration';

// Recording configurations, restriction policies and playback key pairs when IVS applies the create
// and then its answer fails (a 500, or the connection drops): the emulator's "after" faults, over
// HTTP with the real SDK. lib/ivs's clients are the emulator's: one that retries as the console's
// shared client does, and one that never retries (for creates).
const clients = vi.hoisted(() => ({ retrying: null as unknown, once: null as unknown }));
vi.mock('@/lib/ivs/client', () => ({ ivsClient: () => clients.retrying, ivsClientNoRetry: () => clients.once }));

const { createRecordingConfiguration } = await import('@/lib/ivs/recording-configurations');
const { createRestrictionPolicy } = await import('@/lib/ivs/restriction-policies');
const { importPlaybackKeyPair, keyPairImportedBy } = await import('@/lib/ivs/playback-keys');
const { REQUEST_TAG } = await import('@/lib/ivs/create-adopting');
const REGION = 'us-west-2';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

let emulator: RunningEmulator;
let retrying: IvsClient;
let once: IvsClient;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, host: '127.0.0.1', quiet: true });
  clients.retrying = retrying = new IvsClient({ endpoint: emulator.url, region: REGION, credentials, maxAttempts: 3 });
  clients.once = once = new IvsClient({ endpoint: emulator.url, region: REGION, credentials, maxAttempts: 1 });
});
afterAll(async () => {
  retrying?.destroy();
  once?.destroy();
  await emulator?.close();
});

async function faultAfter(operation: string, name: string, error: string) {
  const body = { operation, error, count: 1, resourceName: name, when: 'after' };
  const res = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.ok).toBe(true);
}

const configsNamed = async (name: string) =>
  ((await retrying.send(new ListRecordingConfigurationsCommand({ maxResults: 100 }))).recordingConfigurations ?? []).filter(
    (c) => c.name === name,
  );
const policiesNamed = async (name: string) =>
  ((await retrying.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 100 }))).playbackRestrictionPolicies ?? []).filter(
    (p) => p.name === name,
  );
const keyPairsNamed = async (name: string) =>
  ((await retrying.send(new ListPlaybackKeyPairsCommand({ maxResults: 100 }))).keyPairs ?? []).filter((k) => k.name === name);

const tags = [{ key: 'team', value: 'live' }];
const config = (name: string) => ({ ...DEFAULT_RECORDING_CONFIGURATION, name, bucketName: 'recordings-bucket', tags });
const policy = (name: string) => ({ name, allowedCountries: ['DE'], allowedOrigins: [], enableStrictOriginEnforcement: false, tags });
const publicPem = () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' }) as string;

describe('createRecordingConfiguration when IVS applies the create but its answer is lost', () => {
  it('without a request id the SDK retries and there are two (the defect)', async () => {
    await faultAfter('CreateRecordingConfiguration', 'rc-plain', 'InternalServerException');
    await createRecordingConfiguration(REGION, config('rc-plain'));
    expect(await configsNamed('rc-plain')).toHaveLength(2);
  });

  for (const error of ['InternalServerException', 'DropConnection']) {
    it(`with a request id it adopts the one it made (${error})`, async () => {
      const name = `rc-${error.toLowerCase()}`;
      const requestId = randomUUID();
      await faultAfter('CreateRecordingConfiguration', name, error);
      const created = await createRecordingConfiguration(REGION, config(name), requestId);
      const made = await configsNamed(name);
      expect(made).toHaveLength(1);
      expect(created.arn).toBe(made[0].arn);
      expect(made[0].tags).toMatchObject({ team: 'live', [REQUEST_TAG]: requestId });
    });
  }
});

describe('createRestrictionPolicy when IVS applies the create but its answer is lost', () => {
  it('without a request id the SDK retries and there are two (the defect)', async () => {
    await faultAfter('CreatePlaybackRestrictionPolicy', 'rp-plain', 'InternalServerException');
    await createRestrictionPolicy(REGION, policy('rp-plain'));
    expect(await policiesNamed('rp-plain')).toHaveLength(2);
  });

  for (const error of ['InternalServerException', 'DropConnection']) {
    it(`with a request id it adopts the one it made (${error})`, async () => {
      const name = `rp-${error.toLowerCase()}`;
      const requestId = randomUUID();
      await faultAfter('CreatePlaybackRestrictionPolicy', name, error);
      const created = await createRestrictionPolicy(REGION, policy(name), requestId);
      const made = await policiesNamed(name);
      expect(made).toHaveLength(1);
      expect(created).toMatchObject({ arn: made[0].arn, allowedCountries: ['DE'] });
      expect(made[0].tags).toMatchObject({ team: 'live', [REQUEST_TAG]: requestId });
    });
  }
});

// The key pair quota is 3 a region: each test deletes what it imported.
describe('importPlaybackKeyPair when IVS applies the import but its answer is lost', () => {
  const cleanUp = async (name: string) => {
    const { DeletePlaybackKeyPairCommand } = await import('@aws-sdk/client-ivs');
    for (const k of await keyPairsNamed(name)) await retrying.send(new DeletePlaybackKeyPairCommand({ arn: k.arn }));
  };

  it('without a request id the SDK retry is refused as already imported (the defect)', async () => {
    await faultAfter('ImportPlaybackKeyPair', 'kp-plain', 'InternalServerException');
    await expect(importPlaybackKeyPair(REGION, { publicKeyPem: publicPem(), name: 'kp-plain', tags: [] })).rejects.toMatchObject({
      name: 'ConflictException',
    });
    expect(await keyPairsNamed('kp-plain')).toHaveLength(1);
    await cleanUp('kp-plain');
  });

  for (const error of ['InternalServerException', 'DropConnection']) {
    it(`with a request id it reports the import done and returns the pair IVS holds (${error})`, async () => {
      const name = `kp-${error.toLowerCase()}`;
      const requestId = randomUUID();
      await faultAfter('ImportPlaybackKeyPair', name, error);
      const imported = await importPlaybackKeyPair(REGION, { publicKeyPem: publicPem(), name, tags }, requestId);
      const held = await keyPairsNamed(name);
      expect(held).toHaveLength(1);
      const { keyPair } = await retrying.send(new GetPlaybackKeyPairCommand({ arn: held[0].arn }));
      expect(imported).toMatchObject({ arn: held[0].arn, name, fingerprint: keyPair?.fingerprint });
      expect(imported.fingerprint).not.toBe('');
      expect(imported.tags).toMatchObject({ team: 'live', [REQUEST_TAG]: requestId });
      await cleanUp(name);
    });
  }

  it('a repeat whose key IVS already holds from this request is reported done, not "already imported"', async () => {
    const requestId = randomUUID();
    const input = { publicKeyPem: publicPem(), name: 'kp-repeat', tags };
    const first = await importPlaybackKeyPair(REGION, input, requestId);
    // The ledger's next run of an import whose outcome was unknown, and a plain repeat of it.
    expect(await keyPairImportedBy(REGION, input, requestId)).toEqual(first);
    expect(await importPlaybackKeyPair(REGION, input, requestId)).toEqual(first);
    // Another request with the same key is still refused: that pair is not its own.
    await expect(importPlaybackKeyPair(REGION, input, randomUUID())).rejects.toMatchObject({ name: 'ConflictException' });
    expect(await keyPairsNamed('kp-repeat')).toHaveLength(1);
    await cleanUp('kp-repeat');
  });
});
