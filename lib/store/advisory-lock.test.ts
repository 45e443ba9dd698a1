import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Two handles stand for two console instances: on PostgreSQL two pools (advisory locks are per
// database, so their separate test schemas share them); the embedded store has one process, one handle.
describe.each(BACKENDS)('advisory locks on the $name store', ({ name, open }) => {
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    a = await open();
    b = name === 'postgres' ? await open() : a;
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('holders of one key through two handles run one at a time; other keys do not wait', async () => {
    const key = `channel:${randomUUID()}`;
    let inside = 0;
    let most = 0;
    const log: string[] = [];
    const hold = (db: Db, who: string) =>
      db.withAdvisoryLock(key, async () => {
        most = Math.max(most, ++inside);
        log.push(`${who}+`);
        await pause(40);
        log.push(`${who}-`);
        inside--;
        return who;
      });
    const other = `channel:${randomUUID()}`;
    let otherRan = false;
    const results = await Promise.all([
      hold(a, 'a1'),
      hold(b, 'b1'),
      hold(a, 'a2'),
      hold(b, 'b2'),
      b.withAdvisoryLock(other, async () => void (otherRan = true)),
    ]);
    expect(most).toBe(1);
    expect(results.slice(0, 4)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(log).toHaveLength(8);
    expect(otherRan).toBe(true);
  });

  it('a failing holder releases the lock', async () => {
    const key = `channel:${randomUUID()}`;
    await expect(a.withAdvisoryLock(key, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await b.withAdvisoryLock(key, async () => 'next')).toBe('next');
  });

  // Another console instance is another process: a raw session, outside this process's in-process chain.
  const otherInstance = async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    const sql = (fn: string, key: string) =>
      client
        .query<{ ok: boolean }>(`SELECT ${fn}(hashtextextended($1, 0))::text IS DISTINCT FROM 'false' AS ok`, [key])
        .then((r) => r.rows[0].ok);
    return {
      tryLock: (key: string) => sql('pg_try_advisory_lock', key),
      lock: (key: string) => sql('pg_advisory_lock', key),
      end: () => client.end(),
    };
  };

  it.runIf(name === 'postgres')('another instance cannot take the lock while it is held, and can after', async () => {
    const key = `channel:${randomUUID()}`;
    const other = await otherInstance();
    try {
      expect(await a.withAdvisoryLock(key, () => other.tryLock(key))).toBe(false);
      expect(await other.tryLock(key)).toBe(true);
    } finally {
      await other.end();
    }
  });

  it.runIf(name === 'postgres')('a connection lost mid-lock does not leave the lock held', async () => {
    const key = `channel:${randomUUID()}`;
    const other = await otherInstance();
    try {
      const first = a.withAdvisoryLock(key, async () => {
        // Kill the session that holds the lock, as a dropped network or a reaped frozen instance would.
        const killed = await b.query<{ n: string }>(
          `SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
          [key],
        );
        expect(killed.rows[0].n).toBe('1');
        expect(await other.lock(key)).toBe(true); // waits, if at all, only until the session is gone
        return 'first done';
      });
      expect(await first).toBe('first done');
    } finally {
      await other.end();
    }
    expect(await a.withAdvisoryLock(key, async () => 'again')).toBe('again'); // the lock pool still works
  });
});
