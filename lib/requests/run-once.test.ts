import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/store';
import { BACKENDS } from '@/lib/store/test-backends';
import { purgeCreateRequests, RequestInProgress, RequestMismatch, runOnce, type CreateWork } from './run-once';

const request = (over: Partial<{ requestId: string; user: string; input: unknown }> = {}) => ({
  requestId: randomUUID(),
  kind: 'channel',
  region: 'us-west-2',
  user: 'op@example.com',
  input: { name: 'news' },
  ...over,
});

class LostAnswer extends Error {}
// A create that IVS may have applied throws LostAnswer here; anything else is a refusal.
const work = <T>(create: () => Promise<T>, recover: () => Promise<T | undefined> = async () => undefined): CreateWork<T> => ({
  create,
  recover,
  outcomeUnknown: (error) => error instanceof LostAnswer,
});

describe.each(BACKENDS)('runOnce ($name)', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('five concurrent runs of one request create once and all get its result', async () => {
    const req = request();
    let creates = 0;
    const create = async () => {
      creates++;
      await new Promise((r) => setTimeout(r, 300));
      return { arn: 'arn:aws:ivs:us-west-2:123456789012:channel/abc', id: 'abc' };
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => runOnce(db, req, work(create), { pollMs: 20 })));
    expect(creates).toBe(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set(['abc']));
    // And later, a replay of the same id.
    expect(await runOnce(db, req, work(create))).toEqual(results[0]);
    expect(creates).toBe(1);
  });

  it('a create IVS refused lets the same id try again', async () => {
    const req = request();
    await expect(
      runOnce(
        db,
        req,
        work(() => Promise.reject(new Error('IVS said no'))),
      ),
    ).rejects.toThrow('IVS said no');
    expect(
      await runOnce(
        db,
        req,
        work(async () => 'made'),
      ),
    ).toBe('made');
  });

  it('after an unknown outcome the next run adopts what the first one made, and creates only if it made nothing', async () => {
    const req = request();
    await expect(
      runOnce(
        db,
        req,
        work(() => Promise.reject(new LostAnswer())),
      ),
    ).rejects.toBeInstanceOf(LostAnswer);
    let creates = 0;
    const again = work(
      async () => (creates++, 'second'),
      async () => 'made by the first run',
    );
    expect(await runOnce(db, req, again)).toBe('made by the first run');
    expect(creates).toBe(0);

    const other = request();
    await expect(
      runOnce(
        db,
        other,
        work(() => Promise.reject(new LostAnswer())),
      ),
    ).rejects.toBeInstanceOf(LostAnswer);
    expect(
      await runOnce(
        db,
        other,
        work(async () => 'made now'),
      ),
    ).toBe('made now');
  });

  it('refuses the id for another user or other values, and gives up waiting on a run that does not finish', async () => {
    const req = request();
    let finish!: () => void;
    let started!: () => void;
    const claimed = new Promise<void>((r) => (started = r));
    const slow = runOnce(
      db,
      req,
      work(() => {
        started(); // the id is claimed by now: create() runs only after the claim
        return new Promise<string>((r) => (finish = () => r('late')));
      }),
    );
    await claimed;
    await expect(
      runOnce(
        db,
        { ...req, user: 'someone@else' },
        work(async () => 'x'),
        { pollMs: 10 },
      ),
    ).rejects.toBeInstanceOf(RequestMismatch);
    await expect(
      runOnce(
        db,
        { ...req, input: { name: 'renamed' } },
        work(async () => 'x'),
        { pollMs: 10 },
      ),
    ).rejects.toBeInstanceOf(RequestMismatch);
    await expect(
      runOnce(
        db,
        req,
        work(async () => 'x'),
        { waitMs: 100, pollMs: 10 },
      ),
    ).rejects.toBeInstanceOf(RequestInProgress);
    finish();
    expect(await slow).toBe('late');
  });

  it('a run left pending by a process that died is taken over, looking first for what it made', async () => {
    const req = request();
    // Claim it the normal way, then age the claim as a crash mid-create would leave it.
    const stuck = runOnce(
      db,
      req,
      work(() => new Promise<string>(() => {})),
    );
    await new Promise((r) => setTimeout(r, 200));
    await db.query(`UPDATE create_requests SET started_at = now() - interval '10 minutes' WHERE request_id = $1`, [req.requestId]);
    expect(
      await runOnce(
        db,
        req,
        work(
          async () => 'second create',
          async () => 'made before the crash',
        ),
      ),
    ).toBe('made before the crash');
    void stuck;
  });

  it('forgets requests older than the given number of days', async () => {
    const req = request();
    await runOnce(
      db,
      req,
      work(async () => 'old'),
    );
    await db.query(`UPDATE create_requests SET started_at = now() - interval '8 days' WHERE request_id = $1`, [req.requestId]);
    expect(await purgeCreateRequests(db, 7)).toBeGreaterThanOrEqual(1);
    expect((await db.query('SELECT 1 FROM create_requests WHERE request_id = $1', [req.requestId])).rows).toHaveLength(0);
  });
});
