import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_CHANNEL_MESSAGE, runDeleteItem, type DeleteCalls } from '@/lib/jobs/delete-kind';
import { advanceJobs } from '@/lib/jobs/runner';
import { claimItems, createJob, getJob } from '@/lib/jobs/store';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const arn = (n: number) => `arn:aws:ivs:us-west-2:123456789012:channel/delete${String(n).padStart(6, '0')}`;
const ivsError = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 409 } });

/** Channels that exist, which are live, and every DeleteChannel call made. */
function fakeChannels(existing: string[], live: string[] = []) {
  const channels = new Set(existing);
  const deletes: string[] = [];
  const calls: DeleteCalls = {
    exists: async (_r, a) => channels.has(a),
    isLive: async (_r, a) => live.includes(a),
    deleteChannel: async (_r, a) => {
      deletes.push(a);
      if (live.includes(a)) throw ivsError('ConflictException');
      if (!channels.delete(a)) throw ivsError('ResourceNotFoundException');
    },
  };
  return { calls, deletes, channels };
}

describe.each(BACKENDS)('bulk channel delete jobs on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const start = async (n: number) => {
    const id = randomUUID();
    await createJob(db, {
      id,
      kind: 'delete-channels',
      region: 'us-west-2',
      params: {},
      startedBy: 'admin@local',
      startedRole: 'admin',
      targets: Array.from({ length: n }, (_, i) => ({ target: arn(i), label: `ch-${i}` })),
    });
    return id;
  };

  it('deletes each channel once; a live one fails with what to do, one already gone counts as deleted', async () => {
    const id = await start(3);
    const fake = fakeChannels([arn(0), arn(1)], [arn(1)]);
    await advanceJobs(db, (item) => runDeleteItem(db, item, fake.calls), { budgetMs: 10_000 });
    const job = await getJob(db, id);
    expect(job).toMatchObject({ status: 'finished', done: 2, failed: 1 });
    expect(job!.items.map((i) => i.message)).toEqual(['Deleted.', LIVE_CHANNEL_MESSAGE, 'Already deleted.']);
    expect([...fake.deletes].sort()).toEqual([arn(0), arn(1), arn(2)]);
  });

  it('an attempt that takes over after the channel was deleted only looks', async () => {
    const id = await start(1);
    const fake = fakeChannels([arn(0)]);
    const [dying] = await claimItems(db, 1, 1);
    await fake.calls.deleteChannel(dying.region, dying.target);
    await new Promise((r) => setTimeout(r, 20));
    await advanceJobs(db, (item) => runDeleteItem(db, item, fake.calls), { budgetMs: 10_000 });
    expect(fake.deletes).toEqual([arn(0)]);
    expect(await getJob(db, id)).toMatchObject({ status: 'finished', done: 1 });
  });
});
