import type { Db, Queryable } from '@/lib/store/types';

/** PostgreSQL with DATABASE_URL: a small pool; several console instances can share the database. */
export async function openPostgres(connectionString: string): Promise<Db> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString, max: 4 });
  // Without a listener an idle client's network error would crash the process.
  pool.on('error', (error) => console.error(`[store] idle PostgreSQL connection failed: ${error.message}`));
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
    close: () => pool.end(),
  };
}
type Pool = import('pg').Pool;
