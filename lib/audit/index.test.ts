import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/store/types';

// recordAudit/recordAuditStrict on a store that works, and on one that cannot be opened or written.
const state = vi.hoisted(() => ({ db: undefined as Db | undefined, fail: false }));
vi.mock('@/lib/store', async (real) => ({
  ...(await real<typeof import('@/lib/store')>()),
  store: async () => {
    if (state.fail) throw new Error('ENOSPC: no space left on device');
    return state.db;
  },
}));

import { queryAudit, recordAudit, recordAuditStrict } from '@/lib/audit';
import { BACKENDS } from '@/lib/store/test-backends';

const reveal = {
  user: 'admin@local.test',
  role: 'admin',
  region: 'us-west-2',
  action: 'stream-key.reveal',
  resourceArn: 'arn:aws:ivs:us-west-2:1:stream-key/k',
  outcome: 'success' as const,
};

describe('recording audit entries', () => {
  beforeAll(async () => {
    state.db = await BACKENDS[0].open();
  });
  afterAll(() => state.db?.close());

  it('stamps an id and time, and caps a long error text', async () => {
    await recordAuditStrict({ ...reveal, outcome: 'failure', error: 'x'.repeat(2000) });
    const [got] = await queryAudit({ action: 'stream-key.reveal' });
    expect(got).toMatchObject({ ...reveal, outcome: 'failure' });
    expect(got.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.now() - Date.parse(got.at)).toBeLessThan(60_000);
    expect(got.error).toHaveLength(500);
  });

  it('strict: refuses (throws) when the store cannot write, so a secret reveal does not happen unaudited', async () => {
    state.fail = true;
    try {
      await expect(recordAuditStrict(reveal)).rejects.toThrow(/ENOSPC/);
      // The lenient path reports on stderr and lets the caller's operation go on.
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      await expect(recordAudit(reveal)).resolves.toBeUndefined();
      expect(log).toHaveBeenCalledWith(expect.stringContaining('could not record stream-key.reveal'));
      log.mockRestore();
    } finally {
      state.fail = false;
    }
  });
});
