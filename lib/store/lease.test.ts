import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLease, takeLease } from '@/lib/store/lease';
import { BACKENDS } from '@/lib/store/test-backends';
import type { Db } from '@/lib/store/types';

describe.each(BACKENDS)('leases on the $name store', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());
  const expire = (name: string) => db.query(`UPDATE leases SET expires_at = now() - interval '1 second' WHERE name = $1`, [name]);

  it('of several asking at once exactly one holds it; the holder renews, the others are refused', async () => {
    const won = await Promise.all(['a', 'b', 'c', 'd'].map((h) => takeLease(db, 'job', h, 30_000)));
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = ['a', 'b', 'c', 'd'][won.indexOf(true)];
    expect(await takeLease(db, 'job', holder, 30_000)).toBe(true);
    expect(await takeLease(db, 'job', holder === 'a' ? 'b' : 'a', 30_000)).toBe(false);
    expect(await takeLease(db, 'other-job', 'z', 30_000)).toBe(true); // leases are per name
  });

  it('an expired lease goes to the next who asks; a released one at once; the old holder cannot take it back', async () => {
    expect(await takeLease(db, 'job2', 'a', 30_000)).toBe(true);
    await expire('job2');
    expect(await takeLease(db, 'job2', 'b', 30_000)).toBe(true);
    expect(await takeLease(db, 'job2', 'a', 30_000)).toBe(false);
    await releaseLease(db, 'job2', 'a'); // not a's any more: nothing happens
    expect(await takeLease(db, 'job2', 'c', 30_000)).toBe(false);
    await releaseLease(db, 'job2', 'b');
    expect(await takeLease(db, 'job2', 'c', 30_000)).toBe(true);
  });
});
