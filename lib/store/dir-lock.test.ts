import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS, holdDirLock, STALE_MS } from '@/lib/store/dir-lock';

let dir: string;
const lockFile = () => path.join(dir, 'console.lock');
const writeLock = async (holder: object | string, ageMs = 0) => {
  await writeFile(lockFile(), typeof holder === 'string' ? holder : JSON.stringify(holder));
  const t = new Date(Date.now() - ageMs);
  await utimes(lockFile(), t, t);
};
const deadPid = 2 ** 22 + 17; // above Linux's pid_max

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dir-lock-'));
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

describe('holdDirLock', () => {
  it('refuses a lock another container holds, though its pid is ours (every console is pid 1 in its container)', async () => {
    await writeLock({ host: 'other-container', pid: process.pid, token: 't' });
    await expect(holdDirLock(dir)).rejects.toThrow(/in use by process \d+ on other-container/);
  });

  it('takes over a lock another container left: not touched for longer than STALE_MS', async () => {
    await writeLock({ host: 'other-container', pid: 1, token: 't' }, STALE_MS + 5_000);
    const release = await holdDirLock(dir);
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ host: os.hostname(), pid: process.pid });
    await release();
  });

  it('takes over a lock of this host whose process is gone, or that names our own pid (a restarted container)', async () => {
    await writeLock({ host: os.hostname(), pid: deadPid, token: 't' });
    await (
      await holdDirLock(dir)
    )();
    await writeLock({ host: os.hostname(), pid: process.pid, token: 'previous run' });
    await (
      await holdDirLock(dir)
    )();
  });

  it('refuses a lock a live process of this host holds', async () => {
    await writeLock({ host: os.hostname(), pid: process.ppid, token: 't' });
    await expect(holdDirLock(dir)).rejects.toThrow(/in use by process/);
  });

  it('judges a lock in the old format (a bare pid) by its age', async () => {
    await writeLock(String(process.ppid));
    await expect(holdDirLock(dir)).rejects.toThrow(/in use by another process/);
    await writeLock(String(process.ppid), STALE_MS + 5_000);
    await (
      await holdDirLock(dir)
    )();
  });

  it('touches the lock every HEARTBEAT_MS while held, and release removes only its own lock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const release = await holdDirLock(dir);
    const old = new Date(Date.now() - STALE_MS);
    await utimes(lockFile(), old, old);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    await vi.waitFor(async () => expect(Date.now() - (await stat(lockFile())).mtimeMs).toBeLessThan(5_000));

    await writeLock({ host: 'other-container', pid: 1, token: 'someone else took it over' });
    await release();
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).token).toBe('someone else took it over');
  });
});
