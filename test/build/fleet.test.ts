import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { createRule } from '@/lib/alerts/rules';
import { openStore } from '@/lib/store';

// Two `next start`s of the production build on one PostgreSQL (issue 14, "many instances"): each
// alert leaves once, though both run the watcher's loop and the dispatcher; and when the instance
// holding the watcher's lease is killed (SIGKILL, no release), the other takes the watching over
// within the lease's bound (max(30 s, 3 × EVENTS_WATCH_SECONDS) plus one interval). Needs
// `next build` and TEST_DATABASE_URL (npm test runs it after the build, under scripts/with-postgres.sh).

const root = path.resolve(__dirname, '../..');
const WATCH_SECONDS = 2;
const LEASE_BOUND_MS = Math.max(30_000, 3 * WATCH_SECONDS * 1000) + WATCH_SECONDS * 1000;
const adminUrl = process.env.TEST_DATABASE_URL;
const AUTH_SECRET = 'fleet-test-secret-not-for-production-0123456789';

let emulator: RunningEmulator;
let ivs: IvsClient;
let receiver: Server;
let hookUrl = '';
let databaseUrl = '';
const deliveries: { at: number; body: string }[] = [];
const consoles: { child: ChildProcess; port: number; dataDir: string }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startConsole(): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ivs-fleet-'));
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      IVS_MODE: 'local',
      IVS_LOCAL_PORT: String(emulator.port),
      AUTH_SECRET: AUTH_SECRET,
      AUTH_URL: `http://localhost:${port}`,
      AUTH_TRUST_HOST: 'true',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      EVENTS_WATCH_SECONDS: String(WATCH_SECONDS),
      ALERTS_DISPATCH_SECONDS: '1',
    },
  });
  consoles.push({ child, port, dataDir });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(`http://localhost:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error('next start did not answer /api/health within 60 s');
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function liveChannel(name: string): Promise<string> {
  const arn = (await ivs.send(new CreateChannelCommand({ name }))).channel!.arn!;
  await fetch(`${emulator.url}/_emulator/streams/start`, { method: 'POST', body: JSON.stringify({ channelArn: arn, viewerCount: 5 }) });
  return arn;
}
const starve = (arn: string) =>
  fetch(`${emulator.url}/_emulator/streams/episode`, {
    method: 'POST',
    body: JSON.stringify({ channelArn: arn, kind: 'starve', durationSeconds: 600 }),
  });
const deliveredFor = (arn: string) => deliveries.filter((d) => d.body.includes(arn));

describe('two console instances on one PostgreSQL', () => {
  beforeAll(async () => {
    if (!adminUrl)
      throw new Error('TEST_DATABASE_URL is unset: run it as npm test does (`npm run test:build`, under scripts/with-postgres.sh).');
    const name = `fleet_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();

    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        deliveries.push({ at: Date.now(), body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    // The rule, written to the shared store before either instance starts.
    const db = await openStore({ url: databaseUrl, dir: '' });
    await createRule(
      db,
      {
        id: 'fleet-starvation',
        name: 'fleet: starvation',
        kinds: ['starvation.started'],
        minSeverity: 'info',
        tagKey: null,
        tagValue: null,
        destination: 'webhook',
        url: hookUrl,
        signingSecret: 'fleet-webhook-signing-secret',
        quietMinutes: 0,
        createdBy: 'test',
      },
      new Date(),
      [AUTH_SECRET],
    );
    await db.close();

    emulator = await createEmulator({ port: 0, quiet: true });
    ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await Promise.all([startConsole(), startConsole()]);
  }, 150_000);

  afterAll(async () => {
    for (const c of consoles) {
      c.child.kill('SIGKILL');
      rmSync(c.dataDir, { recursive: true, force: true });
    }
    ivs?.destroy();
    await emulator?.close();
    await new Promise((r) => receiver?.close(r));
  });

  it('sends one notification per starvation, and the other instance watches once the leader is killed', async () => {
    const first = await liveChannel('fleet-1');
    // Both loops run; one holds the lease. The stream is seen as started, then starves.
    await expect
      .poll(async () => (await query(`SELECT 1 FROM console_events WHERE channel_arn = $1`, [first])).length, { timeout: 30_000 })
      .toBeGreaterThan(0);
    await starve(first);
    await expect.poll(() => deliveredFor(first).length, { timeout: 30_000 }).toBe(1);
    // Long enough for a second copy from either instance's watcher or dispatcher to have arrived.
    await sleep(WATCH_SECONDS * 3000);
    expect(deliveredFor(first)).toHaveLength(1);

    // Kill the leader outright: its lease is not released, so the other must wait it out.
    const [{ holder }] = await query<{ holder: string }>(`SELECT holder FROM leases WHERE name = 'events-watcher'`);
    const pid = Number(holder.split(':')[1]);
    const leader = consoles.find((c) => c.child.pid === pid);
    process.kill(pid, 'SIGKILL');
    leader?.child.kill('SIGKILL');
    const killedAt = Date.now();

    const second = await liveChannel('fleet-2');
    await starve(second);
    await expect.poll(() => deliveredFor(second).length, { timeout: LEASE_BOUND_MS + 20_000, interval: 250 }).toBe(1);
    const takeover = deliveredFor(second)[0].at - killedAt;
    console.log(
      `[fleet] a starvation after the leader's SIGKILL was notified ${(takeover / 1000).toFixed(1)} s later (bound ${LEASE_BOUND_MS / 1000} s + a look)`,
    );
    expect(takeover).toBeLessThan(LEASE_BOUND_MS + 10_000);
    const [{ holder: now }] = await query<{ holder: string }>(`SELECT holder FROM leases WHERE name = 'events-watcher'`);
    expect(now).not.toBe(holder);
    await sleep(WATCH_SECONDS * 3000);
    expect(deliveredFor(second)).toHaveLength(1);
    expect(deliveredFor(first)).toHaveLength(1);
  }, 180_000);
});
