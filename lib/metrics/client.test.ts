import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEmulator, type RunningEmulator } from '@/emulator/index';

// cloudWatchClient(region) promises what ivsClient does: the standard credential chain in aws mode,
// the emulator's fixed keys in local mode, and an endpoint of its own (CLOUDWATCH_ENDPOINT), never
// IVS_ENDPOINT in aws mode. The emulator here accepts only the keys under test.
const REGION = 'us-west-2';
type Globals = { __cloudWatchClients?: Map<string, CloudWatchClient> };

let savedEnv: NodeJS.ProcessEnv;
let tmp: string;
let emulator: RunningEmulator | undefined;

beforeEach(() => {
  savedEnv = { ...process.env };
  for (const name of Object.keys(process.env)) if (/^(AWS_|IVS_|CLOUDWATCH_)/.test(name)) delete process.env[name];
  tmp = mkdtempSync(join(tmpdir(), 'cw-client-'));
  Object.assign(process.env, {
    AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'credentials'),
    AWS_CONFIG_FILE: join(tmp, 'config'),
    AWS_EC2_METADATA_DISABLED: 'true',
  });
});

afterEach(async () => {
  for (const client of (globalThis as Globals).__cloudWatchClients?.values() ?? []) client.destroy();
  delete (globalThis as Globals).__cloudWatchClients;
  await emulator?.close();
  emulator = undefined;
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  rmSync(tmp, { recursive: true, force: true });
});

/** Loads lib/env and lib/metrics afresh (env is parsed at import) and reads metrics as a page would. */
async function readAsTheConsole() {
  vi.resetModules();
  delete (globalThis as Globals).__cloudWatchClients;
  const { readChannelMetrics } = await import('@/lib/metrics/read');
  const end = new Date();
  return readChannelMetrics(REGION, {
    channelIds: ['abcdABCDefgh'],
    start: new Date(end.getTime() - 300_000),
    end,
    metrics: ['IngestVideoBitrate'],
  });
}

const requests = async () => (await (await fetch(`${emulator!.url}/_emulator/requests`)).json()) as Record<string, number>;

describe('cloudWatchClient', () => {
  it('aws mode: keys from the shared credentials file, the endpoint from CLOUDWATCH_ENDPOINT (not IVS_ENDPOINT)', async () => {
    const keys = { accessKeyId: 'AKIAPROFILEKEY000001', secretAccessKey: 'profile-secret-for-cloudwatch-only' };
    emulator = await createEmulator({ port: 0, quiet: true, region: REGION, credentials: keys });
    writeFileSync(
      join(tmp, 'credentials'),
      `[metrics]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
    );
    Object.assign(process.env, {
      IVS_MODE: 'aws',
      AWS_REGION: REGION,
      AWS_PROFILE: 'metrics',
      CLOUDWATCH_ENDPOINT: emulator.url,
      // Nothing listens here: a client that took IVS_ENDPOINT would fail to connect.
      IVS_ENDPOINT: 'http://127.0.0.1:9',
    });
    const out = await readAsTheConsole();
    expect(out.channels.abcdABCDefgh.IngestVideoBitrate.values).toEqual([]);
    expect(await requests()).toEqual({ GetMetricData: 1 });
  });

  it('local mode: the emulator at IVS_ENDPOINT with its fixed keys, whatever the environment holds', async () => {
    emulator = await createEmulator({ port: 0, quiet: true, region: REGION });
    Object.assign(process.env, {
      IVS_MODE: 'local',
      IVS_ENDPOINT: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIAIGNOREDLOCALLY01',
      AWS_SECRET_ACCESS_KEY: 'ignored',
    });
    await readAsTheConsole();
    expect(await requests()).toEqual({ GetMetricData: 1 });
  });
});
