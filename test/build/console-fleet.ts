import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// What the build-level fleet tests share: a database of their own on the test PostgreSQL, and
// `next start`s of the production build on it against an emulator.

export const root = path.resolve(__dirname, '../..');
export const AUTH_SECRET = 'fleet-test-secret-not-for-production-0123456789';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RunningConsole {
  child: ChildProcess;
  port: number;
  dataDir: string;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** A fresh database on TEST_DATABASE_URL's server; its URL. */
export async function createDatabase(prefix: string): Promise<string> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('TEST_DATABASE_URL is unset: run it as npm test does (`npm run test:build`, under scripts/with-postgres.sh).');
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One query on its own connection (the instances hold the pool's). */
export async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** `next start` of the build on databaseUrl against the emulator, answering /api/health. */
export async function startConsole(opts: {
  emulatorPort: number;
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<RunningConsole> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ivs-fleet-'));
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      IVS_MODE: 'local',
      IVS_LOCAL_PORT: String(opts.emulatorPort),
      AUTH_SECRET,
      AUTH_URL: `http://localhost:${port}`,
      AUTH_TRUST_HOST: 'true',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: dataDir,
      ...opts.env,
    },
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`http://localhost:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port, dataDir };
    await sleep(100);
  }
  throw new Error('next start did not answer /api/health within 60 s');
}

export function stopConsole(c: RunningConsole): void {
  c.child.kill('SIGKILL');
  rmSync(c.dataDir, { recursive: true, force: true });
}

/** A server action's id in the build (the browser finds it the same way, from the page's bundle). */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in ${file} in the build`);
  return found[0];
}

/** Calls a server action as a browser on `page` does: same origin, the session cookie, JSON arguments. Its RSC answer. */
export async function callAction(base: string, cookie: string, page: string, id: string, input: unknown): Promise<string> {
  const res = await fetch(`${base}${page}`, {
    method: 'POST',
    headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: base, cookie },
    body: JSON.stringify([input]),
  });
  if (!res.ok) throw new Error(`the action answered HTTP ${res.status}`);
  return res.text();
}
