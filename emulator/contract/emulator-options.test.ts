import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateChannelCommand,
  CreateRecordingConfigurationCommand,
  GetChannelCommand,
  GetRecordingConfigurationCommand,
  GetStreamKeyCommand,
  IvsServiceException,
  ListChannelsCommand,
  ListStreamsCommand,
  ListTagsForResourceCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import { createEmulator, type EmulatorOptions, type RunningEmulator } from '../index';
import { arnPattern, ivsClient, rejects, sleep, type ClientOptions } from './helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'ivs-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Starts an emulator with the given options, runs body, always closes it.
async function withEmulator<T>(
  options: EmulatorOptions,
  body: (e: RunningEmulator, ivs: (o?: ClientOptions) => IvsClient) => Promise<T>,
): Promise<T> {
  const emulator = await createEmulator({ port: 0, quiet: true, ...options });
  const clients: IvsClient[] = [];
  try {
    return await body(emulator, (o) => {
      const c = ivsClient(emulator.url, o);
      clients.push(c);
      return c;
    });
  } finally {
    clients.forEach((c) => c.destroy());
    await emulator.close();
  }
}

describe('statePath', () => {
  it('persists every region across a restart', async () => {
    const statePath = path.join(dir, 'state.json');
    const saved = await withEmulator({ statePath }, async (_e, ivs) => {
      const created = await ivs().send(new CreateChannelCommand({ name: 'kept', tags: { a: 'b' } }));
      const rc = await ivs().send(
        new CreateRecordingConfigurationCommand({ destinationConfiguration: { s3: { bucketName: 'kept-bucket' } } }),
      );
      const east = await ivs({ region: 'us-east-1' }).send(new CreateChannelCommand({ name: 'kept-east' }));
      return { created, rcArn: rc.recordingConfiguration!.arn!, eastArn: east.channel!.arn! };
    });
    expect(existsSync(statePath)).toBe(true);
    await withEmulator({ statePath }, async (_e, ivs) => {
      const { channel } = await ivs().send(new GetChannelCommand({ arn: saved.created.channel!.arn }));
      expect(channel).toEqual(saved.created.channel);
      const { streamKey } = await ivs().send(new GetStreamKeyCommand({ arn: saved.created.streamKey!.arn }));
      expect(streamKey?.value).toBe(saved.created.streamKey!.value);
      expect((await ivs().send(new ListTagsForResourceCommand({ resourceArn: channel!.arn }))).tags).toEqual({ a: 'b' });
      expect(
        (await ivs().send(new GetRecordingConfigurationCommand({ arn: saved.rcArn }))).recordingConfiguration?.destinationConfiguration?.s3
          ?.bucketName,
      ).toBe('kept-bucket');
      expect((await ivs({ region: 'us-east-1' }).send(new GetChannelCommand({ arn: saved.eastArn }))).channel?.name).toBe('kept-east');
    });
  });

  it.each([
    ['not JSON', () => '{"this is": not json'],
    ['truncated', (valid: string) => valid.slice(0, Math.floor(valid.length / 2))],
  ])('refuses a corrupt (%s) state file clearly and leaves it untouched', async (label, corrupt) => {
    const slug = label.replace(/\W/g, '');
    const good = path.join(dir, `good-${slug}.json`);
    await withEmulator({ statePath: good }, async (_e, ivs) => {
      await ivs().send(new CreateChannelCommand({ name: 'x'.repeat(40) }));
    });
    const statePath = path.join(dir, `corrupt-${slug}.json`);
    const content = corrupt(readFileSync(good, 'utf8'));
    writeFileSync(statePath, content);
    const err = await createEmulator({ port: 0, quiet: true, statePath }).then(
      async (e) => {
        await e.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain(statePath);
    expect(readFileSync(statePath, 'utf8')).toBe(content);
  });
});

describe('seed, account, credentials, latency', () => {
  it('seed N creates N channels, some of them live', async () => {
    await withEmulator({ seed: 10 }, async (_e, ivs) => {
      const channels = (await ivs().send(new ListChannelsCommand({}))).channels!;
      expect(channels).toHaveLength(10);
      const live = (await ivs().send(new ListStreamsCommand({}))).streams!;
      expect(live.length).toBeGreaterThan(0);
      expect(live.length).toBeLessThan(10);
      for (const s of live) expect(channels.map((c) => c.arn)).toContain(s.channelArn);
    });
  });

  it('region sets where seeded channels live', async () => {
    await withEmulator({ seed: 3, region: 'eu-west-1' }, async (_e, ivs) => {
      expect((await ivs({ region: 'eu-west-1' }).send(new ListChannelsCommand({}))).channels).toHaveLength(3);
      expect((await ivs().send(new ListChannelsCommand({}))).channels).toHaveLength(0);
    });
  });

  it('accountId and credentials are honoured', async () => {
    const credentials = { accessKeyId: 'AKIDCUSTOM', secretAccessKey: 'custom-secret' };
    await withEmulator({ accountId: '111122223333', credentials }, async (_e, ivs) => {
      const { channel } = await ivs({ credentials }).send(new CreateChannelCommand({}));
      expect(channel?.arn).toMatch(arnPattern('channel', 'us-west-2', '111122223333'));
      await rejects(ivs().send(new ListChannelsCommand({})), IvsServiceException, 403);
    });
  });

  it('latencyMs delays every IVS response', async () => {
    await withEmulator({ latencyMs: 300 }, async (_e, ivs) => {
      const client = ivs();
      await client.send(new ListChannelsCommand({}));
      const t0 = performance.now();
      await client.send(new ListChannelsCommand({}));
      expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    });
    await withEmulator({}, async (_e, ivs) => {
      const client = ivs();
      await client.send(new ListChannelsCommand({}));
      const t0 = performance.now();
      await client.send(new ListChannelsCommand({}));
      expect(performance.now() - t0).toBeLessThan(200);
    });
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('CLI', () => {
  it('serves on --port with --seed and --account-id', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/cli.ts', '--port', String(port), '--seed', '2', '--account-id', '111122223333'],
      {
        cwd: repoRoot,
        stdio: 'ignore',
      },
    );
    const url = `http://127.0.0.1:${port}`;
    const client = ivsClient(url);
    try {
      const deadline = Date.now() + 15_000;
      while (
        !(await fetch(`${url}/_emulator/health`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`CLI did not come up (exit ${child.exitCode})`);
        await sleep(100);
      }
      const channels = (await client.send(new ListChannelsCommand({}))).channels!;
      expect(channels).toHaveLength(2);
      expect(channels[0].arn).toMatch(arnPattern('channel', 'us-west-2', '111122223333'));
    } finally {
      client.destroy();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
