import { withProcessLock } from '@/lib/store/process-lock';
import type { Db, Queryable } from '@/lib/store/types';

/** PostgreSQL with DATABASE_URL: a small pool; several console instances can share the database. */
export async function openPostgres(connectionString: string): Promise<Db> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString, max: 4 });
  // Without a listener an idle client's network error would crash the process.
  pool.on('error', (error) => console.error(`[store] idle PostgreSQL connection failed: ${error.message}`));
  // Advisory locks hold a connection for the whole (slow) locked work and wait on the server: their own
  // pool, so waiting lockers never starve the queries that the holder's work itself runs.
  const lockPool = new Pool({ connectionString, max: 4 });
  lockPool.on('error', (error) => console.error(`[store] idle PostgreSQL lock connection failed: ${error.message}`));
  const on = (client: { query: Pool['query'] }): Queryable => ({
    query: async (sql, params) => ({ rows: (await client.query(sql, params)).rows }),
    exec: async (sql) => void (await client.query(sql)),
  });
  return {
    kind: 'postgres',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A connection whose ROLLBACK failed is in an unknown state: the pool must drop it, not reuse it.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    // The in-process chain first: one waiting connection per key per instance, not one per caller.
    withAdvisoryLock: (key, fn) => withProcessLock(key, () => withSessionAdvisoryLock(lockPool, key, fn)),
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}
type Pool = import('pg').Pool;

/**
 * A session-level advisory lock on one dedicated connection, held for all of fn. If the connection dies
 * mid-lock, its session ends and PostgreSQL releases the lock; the connection is then dropped, not reused.
 */
async function withSessionAdvisoryLock<T>(lockPool: Pool, key: string, fn: () => Promise<T>): Promise<T> {
  const client = await lockPool.connect();
  let broken: Error | undefined;
  // A checked-out client has no pool listener: without this a lost connection would crash the process.
  const onError = (error: Error) => (broken = error);
  client.on('error', onError);
  try {
    // 64-bit key from the text: the whole key space, unlike hashtext's 32 bits.
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]).catch((lockError: Error) => {
      broken = lockError; // the session may hold the lock or not: drop it, which releases any
      throw lockError;
    });
    try {
      return await fn();
    } finally {
      await client
        .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
        .catch((unlockError: Error) => (broken ??= unlockError));
    }
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
