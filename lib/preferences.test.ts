import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/store/types';

const state = vi.hoisted(() => ({ db: undefined as Db | undefined }));
vi.mock('@/lib/store', async (real) => ({ ...(await real<typeof import('@/lib/store')>()), store: async () => state.db }));

import { importPreferencesFile, preferredRegion, savePreferredRegion } from '@/lib/preferences';
import { BACKENDS } from '@/lib/store/test-backends';

describe.each(BACKENDS)('region preference on the $name store', ({ open }) => {
  beforeAll(async () => {
    state.db = await open();
  });
  afterAll(() => state.db?.close());

  it('remembers the last region per user, whatever the case of the email', async () => {
    expect(await preferredRegion('admin@local.test')).toBeUndefined();
    await savePreferredRegion('Admin@Local.test', 'eu-west-1');
    await Promise.all([savePreferredRegion('admin@local.test', 'ap-northeast-1'), savePreferredRegion('viewer@local.test', 'us-east-1')]);
    expect(await preferredRegion('ADMIN@local.test')).toBe('ap-northeast-1');
    expect(await preferredRegion('viewer@local.test')).toBe('us-east-1');
  });

  it('remembers an answer (no query per page view) and a save replaces it at once', async () => {
    await savePreferredRegion('memo@local.test', 'eu-west-1');
    expect(await preferredRegion('memo@local.test')).toBe('eu-west-1');
    await state.db!.query(`UPDATE user_preferences SET region = 'us-east-1' WHERE email = 'memo@local.test'`); // behind its back
    expect(await preferredRegion('memo@local.test')).toBe('eu-west-1');
    await savePreferredRegion('memo@local.test', 'ap-south-1');
    expect(await preferredRegion('Memo@local.test')).toBe('ap-south-1');
  });

  it('ignores a stored value that is no longer an IVS region', async () => {
    await state.db!.query(`INSERT INTO user_preferences (email, region) VALUES ('old@local.test', 'mars-1')`);
    expect(await preferredRegion('old@local.test')).toBeUndefined();
  });

  it('imports an old preferences.json once, without overriding a choice already in the store', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'prefs-')), 'preferences.json');
    writeFileSync(
      file,
      JSON.stringify({
        'Legacy@local.test': { region: 'eu-central-1' },
        'viewer@local.test': { region: 'eu-west-1' },
        'bad@local.test': { region: 'mars-1' },
      }),
    );
    expect(await importPreferencesFile(state.db!, file)).toBe(2);
    expect(await preferredRegion('legacy@local.test')).toBe('eu-central-1');
    // Saved in the store before, so kept (read from the store: preferredRegion would answer from its memo).
    const { rows } = await state.db!.query<{ region: string }>(`SELECT region FROM user_preferences WHERE email = 'viewer@local.test'`);
    expect(rows[0].region).toBe('us-east-1');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.imported`)).toBe(true);
    expect(await importPreferencesFile(state.db!, file)).toBe(0);
  });
});
