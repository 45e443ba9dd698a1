import { randomUUID } from 'node:crypto';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** How often the holder touches the lock file, and how old a touch may be before the lock counts as left. */
export const HEARTBEAT_MS = 10_000;
export const STALE_MS = 45_000;

type Holder = { host: string; pid: number; token: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

async function readHolder(file: string): Promise<{ holder?: Holder; touchedAt: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    return { holder: parseHolder(text), touchedAt: info.mtimeMs };
  } catch {
    return undefined;
  }
}

/** An older console wrote its bare pid: such a lock has no holder and is judged by its age alone. */
function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder> | null;
    if (typeof value?.host === 'string' && typeof value.pid === 'number' && typeof value.token === 'string') return value as Holder;
  } catch {
    // not JSON
  }
  return undefined;
}

/**
 * Whether the lock's holder may still be running. A pid alone cannot say: in containers every console is
 * pid 1, so two containers sharing a volume would each take the other's lock for their own (left by a
 * previous run of themselves). The holder touches the file every HEARTBEAT_MS; a lock touched within
 * STALE_MS is held, unless this host can tell its process is gone (same hostname, pid dead or our own
 * pid, as after a container restart).
 */
function stillHeld(found: { holder?: Holder; touchedAt: number }, now: number): boolean {
  if (now - found.touchedAt > STALE_MS) return false;
  const { holder } = found;
  if (holder?.host === os.hostname()) return holder.pid !== process.pid && alive(holder.pid);
  return true;
}

/**
 * Claims `dir` for this process (console.lock naming our host, pid and a token, touched every
 * HEARTBEAT_MS). A lock left by a process that is gone (kill -9, crash) is taken over; one held by a
 * live process, here or in another container on the same volume, is refused with a message saying why.
 */
export async function holdDirLock(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'console.lock');
  const me: Holder = { host: os.hostname(), pid: process.pid, token: randomUUID() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      const heartbeat = setInterval(() => {
        const t = new Date();
        utimes(file, t, t).catch(() => undefined);
      }, HEARTBEAT_MS);
      heartbeat.unref();
      return async () => {
        clearInterval(heartbeat);
        const found = await readHolder(file);
        if (found?.holder?.token === me.token) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const found = await readHolder(file);
      if (found && stillHeld(found, Date.now())) {
        const who = found.holder ? `process ${found.holder.pid} on ${found.holder.host}` : 'another process';
        throw new Error(`The embedded store in ${dir} is in use by ${who}. Run one console per DATA_DIR, or set DATABASE_URL for several.`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded store in ${dir}`);
}
