import { randomUUID } from 'node:crypto';
import { CreateChannelCommand, IvsClient, ListTagsForResourceCommand } from '@aws-sdk/client-ivs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type RunningEmulator } from '@/emulator/index';
import { createJob } from '@/lib/jobs/store';
import { openStore } from '@/lib/store';
import { createDatabase, query, sleep, startConsole, stopConsole, type RunningConsole } from './console-fleet';

// A bulk tag job on two `next start`s of the production build sharing one PostgreSQL (issue 16): both
// instances' loops work on it at once, one is killed (SIGKILL) mid-job and a fresh one started, and
// the job still ends with every item done exactly once: TagResource counted in the emulator equals the
// number of channels. Items the killed instance held are taken over after their claim lapses
// (JOBS_ITEM_LEASE_SECONDS) and read from IVS first. Needs `next build` and TEST_DATABASE_URL.

const CHANNELS = 60;
const LEASE_SECONDS = 3;

let emulator: RunningEmulator;
let ivs: IvsClient;
let databaseUrl = '';
const consoles: RunningConsole[] = [];
const start = async () => {
  const c = await startConsole({
    emulatorPort: emulator.port,
    databaseUrl,
    env: { JOBS_ITEM_LEASE_SECONDS: String(LEASE_SECONDS), EVENTS_WATCH_SECONDS: '0' },
  });
  consoles.push(c);
  return c;
};
const calls = async () => (await (await fetch(`${emulator.url}/_emulator/requests`)).json()) as Record<string, number>;

describe('a bulk job on two console instances, one killed mid-job', () => {
  beforeAll(async () => {
    databaseUrl = await createDatabase('fleet_jobs');
    emulator = await createEmulator({ port: 0, quiet: true });
    ivs = new IvsClient({ endpoint: emulator.url, region: 'us-west-2', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await Promise.all([start(), start()]);
  }, 150_000);

  afterAll(async () => {
    consoles.forEach(stopConsole);
    ivs?.destroy();
    await emulator?.close();
  });

  it('does every item exactly once, and goes on after the instance working on it is killed', async () => {
    const arns: string[] = [];
    for (let i = 0; i < CHANNELS; i += 10) {
      const made = await Promise.all(
        Array.from({ length: 10 }, (_, j) => ivs.send(new CreateChannelCommand({ name: `fleet-job-${i + j}` }))),
      );
      arns.push(...made.map((m) => m.channel!.arn!));
    }
    await fetch(`${emulator.url}/_emulator/requests/reset`, { method: 'POST' });

    // As the start action stores it; both instances' loops pick it up within a second.
    const db = await openStore({ url: databaseUrl, dir: '' });
    const id = randomUUID();
    await createJob(db, {
      id,
      kind: 'tags',
      region: 'us-west-2',
      params: { set: { fleet: 'yes' }, remove: [] },
      startedBy: 'test',
      startedRole: 'operator',
      targets: arns.map((arn, i) => ({ target: arn, label: `fleet-job-${i}` })),
    });
    await db.close();
    const done = async () =>
      (await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM job_items WHERE job_id = $1 AND state = 'done'`, [id]))[0].n;

    await expect.poll(done, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(15);
    stopConsole(consoles[0]);
    const killedAt = Date.now();
    await start();

    await expect
      .poll(async () => (await query<{ status: string }>(databaseUrl, 'SELECT status FROM jobs WHERE id = $1', [id]))[0].status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe('finished');
    const [{ taken }] = await query<{ taken: number }>(
      databaseUrl,
      'SELECT count(*)::int AS taken FROM job_items WHERE job_id = $1 AND attempts > 1',
      [id],
    );
    const counted = await calls();
    console.log(
      `[fleet-jobs] ${CHANNELS} items finished ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill; ${taken} taken over from the killed instance; IVS calls ${JSON.stringify(counted)}`,
    );
    expect(await done()).toBe(CHANNELS);
    // Exactly once: an item the killed instance had tagged was read (ListTagsForResource), not tagged again.
    expect(counted.TagResource).toBe(CHANNELS);
    expect(counted.ListTagsForResource ?? 0).toBe(taken);
    for (const arn of [arns[0], arns[CHANNELS - 1]]) {
      expect((await ivs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ fleet: 'yes' });
    }
    await sleep(LEASE_SECONDS * 1000);
    expect((await calls()).TagResource).toBe(CHANNELS);
  }, 150_000);
});
