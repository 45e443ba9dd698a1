import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { initdbInChildProcess } from '@/lib/store/pglite';
import { openStore } from '@/lib/store';

// A production console creates its embedded store in a child process (initdb grows PGlite's memory for
// good), then opens it like an existing one: the store must then be whole, migrated and writable.
let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('a store created by the child process opens, migrates and keeps what is written', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pglite-child-'));
  await initdbInChildProcess(dir);
  expect((await stat(path.join(dir, 'PG_VERSION'))).isFile()).toBe(true);

  const db = await openStore({ dir });
  await db.query(`INSERT INTO user_preferences (email, region) VALUES ('a@example.com', 'eu-west-1')`);
  await db.close();
  const again = await openStore({ dir });
  const { rows } = await again.query<{ region: string }>(`SELECT region FROM user_preferences WHERE email = 'a@example.com'`);
  await again.close();
  expect(rows).toEqual([{ region: 'eu-west-1' }]);
}, 120_000);
