import type { Queryable } from '@/lib/store/types';

/**
 * Takes or renews the lease `name` for `holder` until ttlMs from now, by the database's clock (instances'
 * clocks may disagree; the database's is the one they share). One statement: it succeeds when the lease is
 * free, expired, or already ours, so of several instances asking at once exactly one holds it. A holder
 * that stops renewing (killed, hung) loses it ttlMs after its last renewal.
 */
export async function takeLease(db: Queryable, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const { rows } = await db.query<{ holder: string }>(
    `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
     WHERE leases.expires_at < now() OR leases.holder = EXCLUDED.holder
     RETURNING holder`,
    [name, holder, Math.max(1, Math.round(ttlMs))],
  );
  return rows.length === 1;
}

/** Gives the lease up at once (a clean shutdown), if it is still ours: another instance need not wait out the TTL. */
export async function releaseLease(db: Queryable, name: string, holder: string): Promise<void> {
  await db.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
}
