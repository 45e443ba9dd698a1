import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reserveSlot } from '@/lib/ivs/pacer';
import { advanceJobs } from '@/lib/jobs/runner';
import { cancelJob, claimItems, createJob, finishItem, getJob, retryFailedItems, type NewJob } from '@/lib/jobs/store';
import { runTagItem, type TagCalls } from '@/lib/jobs/tag-kind';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const arn = (n: number) => `arn:aws:ivs:us-west-2:123456789012:channel/job${String(n).padStart(8, '0')}`;

function newJob(n: number, over: Partial<NewJob> = {}): NewJob {
  return {
    id: randomUUID(),
    kind: 'tags',
    region: 'us-west-2',
    params: { set: { team: 'news' }, remove: ['old'] },
    startedBy: 'operator@local',
    startedRole: 'operator',
    targets: Array.from({ length: n }, (_, i) => ({ target: arn(i), label: `ch-${i}` })),
    ...over,
  };
}

/** IVS's tags as a map per ARN, and every call made, so a test can count them per resource. */
function fakeIvs(failOn?: string) {
  const tags = new Map<string, Record<string, string>>();
  const calls: string[] = [];
  const ivs: TagCalls = {
    listTags: async (_region, a) => {
      calls.push(`list ${a}`);
      return { ...(tags.get(a) ?? {}) };
    },
    tagResource: async (_region, a, t) => {
      calls.push(`tag ${a}`);
      if (a === failOn) throw Object.assign(new Error('Bad tag.'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
      tags.set(a, { ...(tags.get(a) ?? {}), ...t });
    },
    untagResource: async (_region, a, keys) => {
      calls.push(`untag ${a}`);
      const next = { ...(tags.get(a) ?? {}) };
      for (const k of keys) delete next[k];
      tags.set(a, next);
    },
  };
  return { tags, calls, ivs };
}

const noWait = { sleep: async () => undefined };

describe.each(BACKENDS)('jobs on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('stores a job once per request id, with its items in order', async () => {
    const job = newJob(3);
    expect(await createJob(db, job)).toBe(true);
    expect(await createJob(db, job)).toBe(false);
    const stored = await getJob(db, job.id);
    expect(stored).toMatchObject({ status: 'running', total: 3, done: 0, params: job.params, startedBy: 'operator@local' });
    expect(stored!.items.map((i) => i.label)).toEqual(['ch-0', 'ch-1', 'ch-2']);
    await cancelJob(db, job.id);
  });

  it('two advancers at once (two instances) do every item exactly once and finish the job', async () => {
    const job = newJob(40);
    await createJob(db, job);
    const { calls, ivs, tags } = fakeIvs();
    const run = (item: Parameters<typeof runTagItem>[1]) => runTagItem(db, item, ivs, noWait);
    const [a, b] = await Promise.all([advanceJobs(db, run, { budgetMs: 30_000 }), advanceJobs(db, run, { budgetMs: 30_000 })]);
    expect(a.items + b.items).toBe(40);
    for (let i = 0; i < 40; i++) {
      expect(calls.filter((c) => c === `tag ${arn(i)}`)).toHaveLength(1);
      expect(tags.get(arn(i))).toEqual({ team: 'news' });
    }
    expect(calls.some((c) => c.startsWith('list'))).toBe(false);
    expect(await getJob(db, job.id)).toMatchObject({ status: 'finished', done: 40, failed: 0, calls: 80 });
  });

  it('takes over an item whose instance died, reading IVS first so nothing is done twice', async () => {
    const job = newJob(1, { params: { set: { team: 'news' }, remove: [] } });
    await createJob(db, job);
    const { calls, ivs, tags } = fakeIvs();
    // The first instance claims the item, makes its TagResource call and dies before recording it.
    const [claimed] = await claimItems(db, 1, 1);
    tags.set(claimed.target, { team: 'news' });
    await new Promise((r) => setTimeout(r, 20));
    await advanceJobs(db, (item) => runTagItem(db, item, ivs, noWait), { budgetMs: 10_000 });
    expect(calls).toEqual([`list ${arn(0)}`]);
    expect(await getJob(db, job.id)).toMatchObject({ status: 'finished', done: 1 });
    expect((await getJob(db, job.id))!.items[0].attempts).toBe(2);
  });

  it('an instance frozen past its claim cannot overwrite the outcome of the one that took the item over', async () => {
    const job = newJob(1);
    await createJob(db, job);
    const [frozen] = await claimItems(db, 1, 1);
    await new Promise((r) => setTimeout(r, 20));
    const [takenOver] = await claimItems(db, 1, 60_000);
    expect(takenOver).toMatchObject({ seq: 0, attempts: 2 });
    // The frozen instance wakes up (SIGCONT) while the other still works, and reports its stale attempt.
    await finishItem(db, frozen, { state: 'failed', message: 'stale', calls: 1, throttled: 0 });
    expect((await getJob(db, job.id))!.items[0]).toMatchObject({ state: 'running', attempts: 2 });
    await finishItem(db, takenOver, { state: 'done', message: 'Done', calls: 1, throttled: 0 });
    expect((await getJob(db, job.id))!.items[0]).toMatchObject({ state: 'done', message: 'Done' });
  });

  it('shows a failure per item, and "retry failed" runs only those again', async () => {
    const job = newJob(3);
    await createJob(db, job);
    const fake = fakeIvs(arn(1));
    await advanceJobs(db, (item) => runTagItem(db, item, fake.ivs, noWait), { budgetMs: 10_000 });
    const done = await getJob(db, job.id);
    expect(done).toMatchObject({ status: 'finished', done: 2, failed: 1 });
    expect(done!.items[1]).toMatchObject({ state: 'failed', message: expect.stringContaining('Bad tag') });
    expect(await retryFailedItems(db, job.id)).toBe(1);
    const fixed = fakeIvs();
    await advanceJobs(db, (item) => runTagItem(db, item, fixed.ivs, noWait), { budgetMs: 10_000 });
    expect(fixed.calls).toEqual([`tag ${arn(1)}`, `untag ${arn(1)}`]);
    expect(await getJob(db, job.id)).toMatchObject({ status: 'finished', done: 3, failed: 0 });
  });

  it('a throttle is retried after a pause, never shown as a failure', async () => {
    const job = newJob(1);
    await createJob(db, job);
    const fake = fakeIvs();
    let throttles = 2;
    const ivs: TagCalls = {
      ...fake.ivs,
      tagResource: async (...args) => {
        if (throttles-- > 0) throw Object.assign(new Error('Slow down'), { name: 'ThrottlingException' });
        return fake.ivs.tagResource(...args);
      },
    };
    await advanceJobs(db, (item) => runTagItem(db, item, ivs, noWait), { budgetMs: 10_000 });
    expect(await getJob(db, job.id)).toMatchObject({ status: 'finished', done: 1, failed: 0, throttled: 2 });
  });

  it('cancel stops what has not started; the job says so', async () => {
    const job = newJob(5);
    await createJob(db, job);
    expect(await cancelJob(db, job.id)).toBe(true);
    expect(await cancelJob(db, job.id)).toBe(false);
    expect(await claimItems(db, 10, 60_000)).toEqual([]);
    expect(await getJob(db, job.id)).toMatchObject({ status: 'cancelled', cancelled: 5 });
  });

  it('one pacer spaces every caller’s calls at its rate, whoever reserves', async () => {
    const name = `test:${randomUUID()}`;
    // Two jobs (or instances) reserve 10 slots each at once, at 10 per second.
    const waits = await Promise.all(Array.from({ length: 20 }, () => reserveSlot(db, name, 10)));
    const sorted = [...waits].sort((x, y) => x - y);
    expect(sorted[0]).toBeLessThan(50);
    // Slot k starts k × 100 ms after the first: 20 calls take 1.9 s however they were asked for.
    expect(sorted[19]).toBeGreaterThan(1800);
    for (let k = 1; k < 20; k++) expect(sorted[k] - sorted[k - 1]).toBeGreaterThan(60);
  });
});
