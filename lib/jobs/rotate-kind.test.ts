import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamKeyChange } from '@/lib/ivs/stream-key-format';
import { advanceJobs } from '@/lib/jobs/runner';
import { runRotateItem, type RotateCalls } from '@/lib/jobs/rotate-kind';
import { claimItems, createJob, getJob, saveItemDetail } from '@/lib/jobs/store';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/rotate0001';

/** One channel's key, as IVS and the console's locked rotation would change it; every key it created. */
function fakeKeys(first: string | null) {
  let current = first;
  const created: string[] = [];
  const calls: RotateCalls = {
    currentKeyArn: async () => current,
    rotate: async (_region, { expectedKeyArn }): Promise<StreamKeyChange> => {
      if (expectedKeyArn && current !== expectedKeyArn)
        return { keyArn: current!, outcome: 'already-rotated', streamStopped: false, message: 'already rotated' };
      current = `key-${created.length + 1}`;
      created.push(current);
      return { keyArn: current, outcome: 'rotated', streamStopped: false, message: 'The stream key was rotated.' };
    },
  };
  return { calls, created, current: () => current };
}

describe.each(BACKENDS)('bulk stream key rotation jobs on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  const start = async () => {
    const id = randomUUID();
    await createJob(db, {
      id,
      kind: 'rotate-keys',
      region: 'us-west-2',
      params: { stopStream: false },
      startedBy: 'operator@local',
      startedRole: 'operator',
      targets: [{ target: CHANNEL, label: 'rotate0001' }],
    });
    return id;
  };

  it('rotates once, having noted the key it replaces', async () => {
    const id = await start();
    const fake = fakeKeys('key-0');
    await advanceJobs(db, (item) => runRotateItem(db, item, fake.calls), { budgetMs: 10_000 });
    expect(fake.created).toEqual(['key-1']);
    expect(await getJob(db, id)).toMatchObject({ status: 'finished', done: 1 });
  });

  it('never deletes the key a dead attempt just created: the attempt that takes over finds the noted key gone', async () => {
    const id = await start();
    const fake = fakeKeys('key-0');
    // The first instance notes key-0, rotates (key-1) and dies before recording it.
    const [dying] = await claimItems(db, 1, 1);
    await saveItemDetail(db, dying, { expectedKeyArn: 'key-0' });
    await fake.calls.rotate('us-west-2', { channelArn: CHANNEL, expectedKeyArn: 'key-0', stopStream: false });
    await new Promise((r) => setTimeout(r, 20));
    await advanceJobs(db, (item) => runRotateItem(db, item, fake.calls), { budgetMs: 10_000 });
    expect(fake.created).toEqual(['key-1']);
    expect(fake.current()).toBe('key-1');
    expect(await getJob(db, id)).toMatchObject({ status: 'finished', done: 1 });
    expect((await getJob(db, id))!.items[0]).toMatchObject({ attempts: 2, message: 'The stream key was rotated.' });
  });

  it('a channel with no key gets one, once, even when the attempt that made it died', async () => {
    await start();
    const fake = fakeKeys(null);
    const [dying] = await claimItems(db, 1, 1);
    await saveItemDetail(db, dying, { expectedKeyArn: null });
    await fake.calls.rotate('us-west-2', { channelArn: CHANNEL, stopStream: false });
    await new Promise((r) => setTimeout(r, 20));
    await advanceJobs(db, (item) => runRotateItem(db, item, fake.calls), { budgetMs: 10_000 });
    expect(fake.created).toEqual(['key-1']);
  });
});
