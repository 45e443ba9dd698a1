import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CreateChannelCommand, DeleteChannelCommand, IvsClient, ListChannelsCommand } from '@aws-sdk/client-ivs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type RunningEmulator } from './index';
import { StateWriter } from './persistence';

const running: RunningEmulator[] = [];
const clients: IvsClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(statePath: string, seed?: number) {
  const emulator = await createEmulator({ port: 0, quiet: true, statePath, seed });
  running.push(emulator);
  const ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  clients.push(ivs);
  return { emulator, ivs };
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'local-ivs-'));

describe('state persistence', () => {
  it('keeps everything across a restart, writing atomically (no temp files left)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'state.json');
    const first = await start(file);
    const { channel } = await first.ivs.send(new CreateChannelCommand({ name: 'kept' }));
    await first.emulator.close();
    expect(readdirSync(dir)).toEqual(['state.json']);

    const second = await start(file);
    const { channels } = await second.ivs.send(new ListChannelsCommand({}));
    expect(channels!.map((c) => c.arn)).toEqual([channel!.arn]);
  });

  it('starts empty when the file is missing', async () => {
    const { ivs } = await start(path.join(tempDir(), 'new.json'));
    expect((await ivs.send(new ListChannelsCommand({}))).channels).toEqual([]);
  });

  it('refuses a corrupt file with a clear error and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'state.json');
    writeFileSync(file, '{"version":1,"regions":');
    await expect(createEmulator({ port: 0, quiet: true, statePath: file })).rejects.toThrow(/not valid JSON.*left untouched/);
    writeFileSync(file, '{"hello":"world"}');
    await expect(createEmulator({ port: 0, quiet: true, statePath: file })).rejects.toThrow(/not a Local IVS state file/);
    expect(readFileSync(file, 'utf8')).toBe('{"hello":"world"}');
  });

  it('seeds only a brand-new state, so deletions survive a restart', async () => {
    const file = path.join(tempDir(), 'state.json');
    const first = await start(file, 3);
    const { channels } = await first.ivs.send(new ListChannelsCommand({}));
    expect(channels).toHaveLength(3);
    for (const c of channels!) {
      try {
        await first.ivs.send(new DeleteChannelCommand({ arn: c.arn }));
      } catch {
        // the seeded live channel cannot be deleted; that is fine here
      }
    }
    const left = (await first.ivs.send(new ListChannelsCommand({}))).channels!.length;
    await first.emulator.close();
    const second = await start(file, 3);
    expect((await second.ivs.send(new ListChannelsCommand({}))).channels).toHaveLength(left);
  });

  it('debounces writes into one save', async () => {
    const file = path.join(tempDir(), 'state.json');
    let snapshots = 0;
    const writer = new StateWriter(file, () => ({ n: ++snapshots }), 20);
    for (let i = 0; i < 50; i++) writer.schedule();
    await new Promise((r) => setTimeout(r, 60));
    await writer.flush();
    expect(snapshots).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ n: 1 });
  });

  it('makes the CLI exit non-zero on a corrupt state file', async () => {
    const file = path.join(tempDir(), 'state.json');
    writeFileSync(file, 'not json');
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cli.ts'), '--port', '0', '--state', file]);
    const err = (await run.then(
      () => undefined,
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/is not valid JSON/);
  }, 15_000);
});
