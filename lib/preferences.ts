import 'server-only';
import { isIvsRegion, type IvsRegion } from '@/lib/ivs/regions';
import { store } from '@/lib/store';

// Per-user choices that should follow a user to a new browser: the store's user_preferences table, keyed by email.

export async function preferredRegion(email: string): Promise<IvsRegion | undefined> {
  const { rows } = await (await store()).query<{ region: string | null }>('SELECT region FROM user_preferences WHERE email = $1', [email.toLowerCase()]);
  const region = rows[0]?.region;
  return isIvsRegion(region) ? region : undefined;
}

/** Saves the user's region: one upsert, so concurrent saves from two tabs cannot lose each other's row. */
export async function savePreferredRegion(email: string, region: IvsRegion): Promise<void> {
  await (await store()).query(
    `INSERT INTO user_preferences (email, region, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (email) DO UPDATE SET region = excluded.region, updated_at = excluded.updated_at`,
    [email.toLowerCase(), region],
  );
}
