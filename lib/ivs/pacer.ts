import type { Queryable } from '@/lib/store/types';

/**
 * The share of a quota the pacer uses: calls leave exactly spaced, but reach IVS after a network that
 * bunches some of them; 2% under the quota keeps those from being throttled.
 */
export const HEADROOM = 0.98;

/**
 * One pacer per AWS account, region and IVS operation, shared by every job and every console instance
 * through the store: IVS's rate quotas are per account per region, so two jobs started together share
 * TagResource's 10 TPS rather than each taking 10. Each call reserves the next free slot in one
 * statement (the row's `next_at`, by the database's clock, which the instances share) and waits for
 * it; a burst of reservations from anywhere is spread at exactly `perSecond`.
 */
export async function reserveSlot(db: Queryable, name: string, perSecond: number): Promise<number> {
  const spacingMs = 1000 / (perSecond * HEADROOM);
  const { rows } = await db.query<{ wait_ms: number }>(
    `INSERT INTO pacers (name, next_at) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET next_at = GREATEST(pacers.next_at, clock_timestamp()) + $2 * interval '1 millisecond'
     RETURNING GREATEST(0, EXTRACT(EPOCH FROM (next_at - clock_timestamp())) * 1000 - $2)::float8 AS wait_ms`,
    [name, spacingMs],
  );
  return Number(rows[0].wait_ms);
}

/** The pacer of an IVS operation on a resource's account and region (both read from its ARN). */
export function pacerName(arn: string, operation: string): string {
  const [, , , region, account] = arn.split(':');
  return regionPacerName(account, region, operation);
}

/** The pacer of an IVS operation in an account and region: for a create, which has no ARN yet. */
export function regionPacerName(account: string, region: string, operation: string): string {
  return `ivs:${account}:${region}:${operation}`;
}

/** Waits for this call's slot, then runs it. */
export async function paced<T>(
  db: Queryable,
  name: string,
  perSecond: number,
  call: () => Promise<T>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  const wait = await reserveSlot(db, name, perSecond);
  if (wait > 0) await sleep(wait);
  return call();
}
