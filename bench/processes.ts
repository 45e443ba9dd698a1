import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Process plumbing shared by the benches: a free port, the emulator CLI in its own node process
// (no npx/tsx wrapper, so /proc/<pid> is the emulator alone), waiting for a health URL, a bounded pool.
// emulator/contract keeps its own copy of freePort: emulator/ imports nothing from outside itself.

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Collects a child's stderr, for the message when it fails to start. */
export function captureStderr(child: ChildProcess): () => string {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return () => stderr.trim();
}

/**
 * Polls `url` until it answers 2xx. If the child exits or the deadline passes first, kills it and
 * throws with what it wrote to stderr.
 */
export async function waitForHealth(
  url: string,
  child: ChildProcess,
  { what, timeoutMs, intervalMs = 100, stderr = () => '' }: { what: string; timeoutMs: number; intervalMs?: number; stderr?: () => string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await fetch(url).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${what} did not start (exit ${child.exitCode}): ${stderr().slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Starts emulator/cli.ts on a free port with extra CLI flags and waits until /_emulator/health answers. */
export async function startEmulatorCli(
  args: string[] = [],
  timeoutMs = 20_000,
): Promise<{ child: ChildProcess; url: string; port: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', String(port), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(`${url}/_emulator/health`, child, { what: 'the emulator CLI', timeoutMs, stderr: captureStderr(child) });
  return { child, url, port };
}

/** Runs fn(i) for i in [0, n) with at most `limit` calls in flight. */
export async function pool(n: number, limit: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await fn(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Stops a child with SIGTERM, then SIGKILL if it has not exited within 3 s. */
export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
