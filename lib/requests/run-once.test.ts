import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/store';
import { BACKENDS } from '@/lib/store/test-backends';
import { RequestInProgress, RequestMismatch, runOnce } from './run-once';

const request = (over: Partial<{ requestId: string; user: string }> = {}) => ({ requestId: randomUUID(), kind: 'channel', region: 'us-west-2', user: 'op@example.com', ...over });

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
    const results = await Promise.all(Array.from({ length: 5 }, () => runOnce(db, req, create, { pollMs: 20 })));
    expect(creates).toBe(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set(['abc']));
    // And later, a replay of the same id.
    expect(await runOnce(db, req, create)).toEqual(results[0]);
    expect(creates).toBe(1);
  });

  it('a failed create lets the same id try again', async () => {
    const req = request();
    await expect(runOnce(db, req, () => Promise.reject(new Error('IVS said no')))).rejects.toThrow('IVS said no');
    expect(await runOnce(db, req, async () => 'made')).toBe('made');
  });

  it('refuses the id for another user, and gives up waiting on a run that does not finish', async () => {
    const req = request();
    let finish!: () => void;
    let started!: () => void;
    const claimed = new Promise<void>((r) => (started = r));
    const slow = runOnce(db, req, () => {
      started(); // the id is claimed by now: create() runs only after the claim
      return new Promise<string>((r) => (finish = () => r('late')));
    });
    await claimed;
    await expect(runOnce(db, { ...req, user: 'someone@else' }, async () => 'x', { pollMs: 10 })).rejects.toBeInstanceOf(RequestMismatch);
    await expect(runOnce(db, req, async () => 'x', { waitMs: 100, pollMs: 10 })).rejects.toBeInstanceOf(RequestInProgress);
    finish();
    expect(await slow).toBe('late');
  });
});
