import 'server-only';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { isIvsRegion, type IvsRegion } from '@/lib/ivs/regions';

// Per-user choices that should follow a user to a new browser: `${DATA_DIR}/preferences.json`, keyed by email.
interface UserPreferences {
  region?: IvsRegion;
}

type PreferencesFile = Record<string, UserPreferences>;

const file = () => path.join(env.DATA_DIR, 'preferences.json');
let cache: PreferencesFile | undefined;
let writing: Promise<unknown> = Promise.resolve();

async function load(): Promise<PreferencesFile> {
  if (cache) return cache;
  try {
    const parsed = JSON.parse(await readFile(file(), 'utf8')) as unknown;
    cache = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as PreferencesFile) : {};
  } catch {
    cache = {};
  }
  return cache;
}

export async function preferredRegion(email: string): Promise<IvsRegion | undefined> {
  const region = (await load())[email.toLowerCase()]?.region;
  return isIvsRegion(region) ? region : undefined;
}

/** Saves the user's region; written to a temp file and renamed, so a crash never leaves half a file. */
export async function savePreferredRegion(email: string, region: IvsRegion): Promise<void> {
  const run = writing.then(async () => {
    const prefs = await load();
    prefs[email.toLowerCase()] = { ...prefs[email.toLowerCase()], region };
    await mkdir(env.DATA_DIR, { recursive: true });
    const tmp = `${file()}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(prefs, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file());
  });
  writing = run.catch(() => undefined);
  return run;
}
