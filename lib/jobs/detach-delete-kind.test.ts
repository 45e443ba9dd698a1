import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDetachDeleteItem, type DetachDeleteCalls } from '@/lib/jobs/detach-delete-kind';
import { advanceJobs } from '@/lib/jobs/runner';
import { createJob, getJob } from '@/lib/jobs/store';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const CONFIG = 'arn:aws:ivs:us-west-2:123456789012:recording-configuration/detach00001';
const channel = (n: number) => `arn:aws:ivs:us-west-2:123456789012:channel/detach${String(n).padStart(6, '0')}`;

/** Channels that use the configuration, which are live, and every call in the order made. */
function fakeIvs(using: string[], live: string[] = []) {
  const attached = new Set(using);
  const calls: string[] = [];
  let deleted = false;
  const ivs: DetachDeleteCalls = {
    detach: async (_r, arn) => {
      calls.push(`detach ${arn}`);
      if (!attached.has(arn)) return { name: arn, outcome: 'already-detached' };
      if (live.includes(arn)) return { name: `live-${arn.slice(-2)}`, outcome: 'live' };
      attached.delete(arn);
      return { name: arn, outcome: 'detached' };
    },
    deleteResource: async () => {
      calls.push('delete');
      deleted = true;
    },
    stillInUse: async () => null,
    liveMessage: (name) => `"${name}" is live. Stop its stream first.`,
  };
  return { ivs, calls, deleted: () => deleted };
}

describe.each(BACKENDS)('detach-and-delete jobs on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const start = async (channels: number) => {
    const id = randomUUID();
    await createJob(db, {
      id,
      kind: 'detach-delete',
      region: 'us-west-2',
      params: { resource: 'recording-configuration', resourceArn: CONFIG, label: 'rec' },
      startedBy: 'admin@local',
      startedRole: 'admin',
      targets: [
        ...Array.from({ length: channels }, (_, i) => ({ target: channel(i), label: `ch-${i}` })),
        { target: CONFIG, label: 'rec' },
      ],
    });
    return id;
  };

  it('detaches channel by channel, in order, with four workers, and deletes last', async () => {
    const id = await start(4);
    const fake = fakeIvs([0, 1, 2, 3].map(channel));
    await advanceJobs(db, (item) => runDetachDeleteItem(db, item, fake.ivs), { budgetMs: 10_000, concurrency: 4 });
    expect(fake.calls).toEqual([...[0, 1, 2, 3].map((n) => `detach ${channel(n)}`), 'delete']);
    expect(await getJob(db, id)).toMatchObject({ status: 'finished', done: 5 });
  });

  it('stops at the first channel that refuses: the rest are not started and nothing is deleted', async () => {
    const id = await start(3);
    const fake = fakeIvs([0, 1, 2].map(channel), [channel(1)]);
    await advanceJobs(db, (item) => runDetachDeleteItem(db, item, fake.ivs), { budgetMs: 10_000, concurrency: 4 });
    expect(fake.calls).toEqual([`detach ${channel(0)}`, `detach ${channel(1)}`]);
    expect(fake.deleted()).toBe(false);
    const job = await getJob(db, id);
    expect(job).toMatchObject({ status: 'finished', done: 1, failed: 1, cancelled: 2 });
    expect(job!.items.map((i) => i.message)).toEqual([
      'Detached.',
      '"live-01" is live. Stop its stream first.',
      'Not started: "ch-1" was not detached.',
      'Not deleted: "ch-1" was not detached.',
    ]);
  });
});
