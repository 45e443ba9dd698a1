// Kept on globalThis because Next may load a module once per route bundle, and a lock must hold
// across every route of this process.
const chains = ((globalThis as { __ivsProcessLocks?: Map<string, Promise<unknown>> }).__ivsProcessLocks ??= new Map());

/**
 * Runs fn after every earlier call with the same key in this process has settled. Enough alone for
 * the embedded store (one process owns .data, see dir-lock.ts); PostgreSQL adds an advisory lock on top.
 */
export async function withProcessLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (chains.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
  const tail = run.catch(() => undefined);
  chains.set(key, tail);
  try {
    return await run;
  } finally {
    if (chains.get(key) === tail) chains.delete(key);
  }
}
