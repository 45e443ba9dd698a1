import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openStore } from '@/lib/store';

const root = path.resolve(__dirname, '../..');

// The audit promise: a record acknowledged to the user survives kill -9 of the console. A real child
// process writes bursts to the embedded store; we SIGKILL it mid-burst, reopen the files and count.
describe('embedded store durability', () => {
  it('keeps every acknowledged record after kill -9 during a burst of writes', { timeout: 180_000 }, async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'kill9-')), 'store');
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'lib/audit/durability-writer.fixture.ts', dir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const acked: string[] = [];
    let buffer = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Whatever happens below, the writer does not outlive the test.
    onTestFinished(() => void child.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line !== 'ready') acked.push(line);
        if (acked.length >= 300) resolve();
      });
      child.once('exit', (code) => reject(new Error(`writer exited (${code}) after ${acked.length} records: ${stderr.slice(-2000)}`)));
    });
    child.kill('SIGKILL');
    await exited;
    const seen = [...acked]; // only what was acknowledged before the kill landed

    const db = await openStore({ dir }); // the dead writer's lock is taken over
    try {
      const { rows } = await db.query<{ id: string }>('SELECT id FROM audit_log');
      const stored = new Set(rows.map((r) => r.id));
      console.info(`kill -9 after ${seen.length} acknowledged records; ${stored.size} found on reopening`);
      expect(seen.filter((id) => !stored.has(id))).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(seen.length);
    } finally {
      await db.close();
    }
  });

  it('refuses a second process on the same directory', { timeout: 120_000 }, async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'lock-')), 'store');
    const db = await openStore({ dir });
    const lock = path.join(dir, 'console.lock');
    try {
      // As if another live console on this host held it (lib/store/dir-lock.ts writes this shape).
      writeFileSync(lock, JSON.stringify({ host: hostname(), pid: process.ppid, token: 'another console' }));
      await expect(openStore({ dir })).rejects.toThrow(/in use by process/);
    } finally {
      await db.close();
    }
  });
});
