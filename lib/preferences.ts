import 'server-only';
import { readFile, rename } from 'node:fs/promises';
import { isIvsRegion, type IvsRegion } from '@/lib/ivs/regions';
import { store, type Queryable } from '@/lib/store';

// Per-user choices that should follow a user to a new browser: the store's user_preferences table, keyed by email.

// Every page and poll of a browser without the region cookie asks for the user's region (the layout
// and the page each): with the embedded store that was a query of ~10 ms of CPU each, the largest
// single cost of a live-state poll. The answer is remembered per store for MEMO_MS; a save in this
// process replaces it at once, a save by another instance of a fleet shows here within MEMO_MS.
const MEMO_MS = 30_000;
type Memo = Map<string, { at: number; region: Promise<IvsRegion | undefined> }>;
const memos = ((globalThis as { __preferredRegions?: WeakMap<object, Memo> }).__preferredRegions ??= new WeakMap());

function memoOf(db: object): Memo {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  return memo;
}

export async function preferredRegion(email: string): Promise<IvsRegion | undefined> {
  const db = await store();
  const key = email.toLowerCase();
  const memo = memoOf(db);
  const kept = memo.get(key);
  if (kept && Date.now() - kept.at < MEMO_MS) return kept.region;
  const region = db.query<{ region: string | null }>('SELECT region FROM user_preferences WHERE email = $1', [key]).then(({ rows }) => {
    const value = rows[0]?.region;
    return isIvsRegion(value) ? value : undefined;
  });
  const entry = { at: Date.now(), region };
  memo.set(key, entry);
  region.catch(() => memo.get(key) === entry && memo.delete(key)); // a failed read is not remembered
  return region;
}

/** Saves the user's region: one upsert, so concurrent saves from two tabs cannot lose each other's row. */
export async function savePreferredRegion(email: string, region: IvsRegion): Promise<void> {
  const db = await store();
  const key = email.toLowerCase();
  memoOf(db).delete(key); // a read in flight must not outlive the save
  await db.query(
    `INSERT INTO user_preferences (email, region, updated_at) VALUES ($1, $2, now())
     ON CONFLICT (email) DO UPDATE SET region = excluded.region, updated_at = excluded.updated_at`,
    [key, region],
  );
  memoOf(db).set(key, { at: Date.now(), region: Promise.resolve(region) });
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
  const entries =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed as Record<string, { region?: unknown }>) : [];
  let n = 0;
  for (const [email, prefs] of entries) {
    if (!isIvsRegion(prefs?.region)) continue;
    await db.query('INSERT INTO user_preferences (email, region) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING', [
      email.toLowerCase(),
      prefs.region,
    ]);
    n += 1;
  }
  await rename(file, `${file}.imported`);
  return n;
}
