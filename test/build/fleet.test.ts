import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateChannelCommand, IvsClient } from '@aws-sdk/client-ivs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { createRule } from '@/lib/alerts/rules';
import { openStore } from '@/lib/store';
import {
  AUTH_SECRET,
  createDatabase,
  query as queryOn,
  sleep,
  startConsole as startFleetConsole,
  stopConsole,
  type RunningConsole,
} from './console-fleet';

// Two `next start`s of the production build on one PostgreSQL (issue 14, "many instances"): each
// alert leaves once, though both run the watcher's loop and the dispatcher; and when the instance
// holding the watcher's lease is killed (SIGKILL, no release), the other takes the watching over
// within the lease's bound (max(30 s, 3 × EVENTS_WATCH_SECONDS) plus one interval). Needs
// `next build` and TEST_DATABASE_URL (npm test runs it after the build, under scripts/with-postgres.sh).

const WATCH_SECONDS = 2;
const LEASE_BOUND_MS = Math.max(30_000, 3 * WATCH_SECONDS * 1000) + WATCH_SECONDS * 1000;

let emulator: RunningEmulator;
let ivs: IvsClient;
let receiver: Server;
let hookUrl = '';
let databaseUrl = '';
const deliveries: { at: number; body: string }[] = [];
const consoles: RunningConsole[] = [];

async function startConsole(): Promise<void> {
  consoles.push(
    await startFleetConsole({
      emulatorPort: emulator.port,
      databaseUrl,
      env: { EVENTS_WATCH_SECONDS: String(WATCH_SECONDS), ALERTS_DISPATCH_SECONDS: '1' },
    }),
  );
}

const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryOn<T>(databaseUrl, sql, params);

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
    databaseUrl = await createDatabase('fleet');

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
    consoles.forEach(stopConsole);
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
