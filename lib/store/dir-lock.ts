import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims `dir` for this process (console.lock with our pid). A lock left by a process that is gone
 * (kill -9, crash) is taken over; one held by a live process is refused with a message saying why.
 */
export async function holdDirLock(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'console.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(`The embedded store in ${dir} is in use by process ${pid}. Run one console per DATA_DIR, or set DATABASE_URL for several.`);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded store in ${dir}`);
}
