import 'server-only';
import { readFile, rename } from 'node:fs/promises';
import { isIvsRegion, type IvsRegion } from '@/lib/ivs/regions';
import { store, type Queryable } from '@/lib/store';

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

/**
 * Moves an old DATA_DIR/preferences.json into the store once (a row already saved wins), then keeps
 * the file as preferences.json.imported. A file that does not parse is left where it is.
 */
export async function importPreferencesFile(db: Queryable, file: string): Promise<number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return 0; // no file (the usual case), or one we cannot read: nothing to import
  }
  const entries = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed as Record<string, { region?: unknown }>) : [];
  let n = 0;
  for (const [email, prefs] of entries) {
    if (!isIvsRegion(prefs?.region)) continue;
    await db.query('INSERT INTO user_preferences (email, region) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING', [email.toLowerCase(), prefs.region]);
    n += 1;
  }
  await rename(file, `${file}.imported`);
  return n;
}
