import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '@/lib/store';
import { probeStore } from '@/lib/store/health';

describe('probeStore', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('is ok when the embedded store opens and answers', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-health-'));
    dirs.push(dir);
    const db = openStore({ dir: path.join(dir, 'store') });
    expect(await probeStore(() => db)).toBe('ok');
    await (await db).close();
  });

  it('is unavailable, with the reason in the server log only, when the store cannot open', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-health-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'store'), 'a file where the store folder should be');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await probeStore(() => openStore({ dir: path.join(dir, 'store') }))).toBe('unavailable');
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[store\] health check failed: /));
    log.mockRestore();
  });

  it('is unavailable when PostgreSQL does not answer', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await probeStore(() => openStore({ url: 'postgres://nobody@127.0.0.1:9/none', dir: '' }))).toBe('unavailable');
    log.mockRestore();
  });
});
