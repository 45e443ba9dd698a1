import { randomUUID } from 'node:crypto';
import { CreateChannelCommand, IvsClient, ListStreamKeysCommand } from '@aws-sdk/client-ivs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../bench/channel-list';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { createJob } from '@/lib/jobs/store';
import { openStore } from '@/lib/store';
import { actionId, callAction, createDatabase, query, sleep, startConsole, stopConsole, type RunningConsole } from './console-fleet';

// Issue 16, "prove it here", on `next start`s of the production build sharing one PostgreSQL:
// - rotations of one channel's stream key sent to two instances at once run one at a time (the
//   PostgreSQL advisory lock), so each deletes the key the one before it created;
// - an instance frozen between requests (SIGSTOP/SIGCONT, as a serverless host suspends one) answers
//   its first request after the freeze with the live state of now, not of before the freeze, and a job
//   it was working on ends with every item done once.
// Needs `next build` and TEST_DATABASE_URL.

const LEASE_SECONDS = 3;
/** The live snapshot is refreshed by a reader once two refresh periods old (lib/ivs/live-snapshot). */
const FROZEN_MS = 12_000;

let emulator: RunningEmulator;
let ivs: IvsClient;
let databaseUrl = '';
const consoles: RunningConsole[] = [];
const base = (c: RunningConsole) => `http://localhost:${c.port}`;
const calls = async () => (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as Record<string, number>;

describe('console instances that race and freeze', () => {
  beforeAll(async () => {
    databaseUrl = await createDatabase('fleet_freeze');
    emulator = await createEmulator({ port: 0, quiet: true });
    ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const env = { JOBS_ITEM_LEASE_SECONDS: String(LEASE_SECONDS), EVENTS_WATCH_SECONDS: '0' };
    consoles.push(...(await Promise.all([0, 1].map(() => startConsole({ emulatorPort: emulator.port, databaseUrl, env })))));
  }, 150_000);

  afterAll(async () => {
    for (const c of consoles) {
      c.child.kill('SIGCONT');
      stopConsole(c);
    }
    ivs?.destroy();
    await emulator?.close();
  });

  it('rotates one channel’s key once at a time across two instances: each rotation replaces the key the one before made', async () => {
    const channel = (await ivs.send(new CreateChannelCommand({ name: 'fleet-rotate' }))).channel!;
    const id = actionId('components/stream-key/actions.ts', 'rotateStreamKeyAction');
    const cookies = await Promise.all(consoles.map((c) => signIn(base(c), 'operator')));
    const page = `/channels/${channel.arn!.split('/').pop()}`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => callAction(base(consoles[i % 2]), cookies[i % 2], page, id, { channelArn: channel.arn })),
    );
    const keys = answers.map((a) => a.match(/"keyArn":"([^"]+)"/)?.[1]);
    const messages = answers.map((a) => a.match(/"message":"([^"]+)"/)?.[1]);
    // Overlapping rotations would adopt each other's key or find none; serialized, each made its own.
    expect(messages).toEqual(Array(6).fill('The stream key was rotated.'));
    expect(new Set(keys).size).toBe(6);
    const left = (await ivs.send(new ListStreamKeysCommand({ channelArn: channel.arn }))).streamKeys ?? [];
    expect(left).toHaveLength(1);
    expect(keys).toContain(left[0].arn);
  }, 60_000);

  it('a frozen instance shows the live state of now after SIGCONT, and its job ends with every item done once', async () => {
    stopConsole(consoles.shift()!); // one instance from here on, as on a serverless host
    const [one] = consoles;
    const cookie = await signIn(base(one), 'viewer');
    const board = async () => {
      const res = await fetch(`${base(one)}/api/live/board?region=us-west-2`, { headers: { cookie } });
      return (await res.json()) as { rows: { channelArn: string }[] };
    };
    const live = (await ivs.send(new CreateChannelCommand({ name: 'fleet-freeze' }))).channel!.arn!;
    expect((await board()).rows.map((r) => r.channelArn)).not.toContain(live);

    const arns: string[] = [];
    for (let i = 0; i < 40; i += 10) {
      const made = await Promise.all(
        Array.from({ length: 10 }, (_, j) => ivs.send(new CreateChannelCommand({ name: `fleet-freeze-${i + j}` }))),
      );
      arns.push(...made.map((m) => m.channel!.arn!));
    }
    await fetch(`${emulator.url}/_emulator/requests/reset`, { method: 'POST' });
    const db = await openStore({ url: databaseUrl, dir: '' });
    const jobId = randomUUID();
    await createJob(db, {
      id: jobId,
      kind: 'tags',
      region: 'us-west-2',
      params: { set: { frozen: 'no' }, remove: [] },
      startedBy: 'test',
      startedRole: 'operator',
      targets: arns.map((arn, i) => ({ target: arn, label: `fleet-freeze-${i}` })),
    });
    await db.close();
    const done = async () =>
      (await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM job_items WHERE job_id = $1 AND state = 'done'`, [jobId]))[0]
        .n;
    await expect.poll(done, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(5);

    // Frozen mid-job, past its claims and the snapshot's age; meanwhile a stream starts.
    one.child.kill('SIGSTOP');
    await fetch(`${emulator.url}/_emulator/streams/start`, { method: 'POST', body: JSON.stringify({ channelArn: live, viewerCount: 3 }) });
    await sleep(FROZEN_MS);
    one.child.kill('SIGCONT');
    expect((await board()).rows.map((r) => r.channelArn)).toContain(live);

    await expect
      .poll(async () => (await query<{ status: string }>(databaseUrl, 'SELECT status FROM jobs WHERE id = $1', [jobId]))[0].status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe('finished');
    expect(await done()).toBe(40);
    const counted = await calls();
    const [{ again }] = await query<{ again: number }>(
      databaseUrl,
      'SELECT count(*)::int AS again FROM job_items WHERE job_id = $1 AND attempts > 1',
      [jobId],
    );
    console.log(`[fleet-freeze] after ${FROZEN_MS / 1000} s frozen: ${again} items claimed again, IVS calls ${JSON.stringify(counted)}`);
    expect(counted.TagResource).toBe(40);
  }, 150_000);
});
