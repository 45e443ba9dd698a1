import { beforeEach, describe, expect, it, vi } from 'vitest';
import { as, harness as h } from '@/test/action-harness';

vi.mock('next/headers', () => ({ cookies: async () => ({ set: vi.fn(), delete: vi.fn(), get: () => undefined }) }));
vi.mock('@/lib/preferences', () => ({ savePreferredRegion: async () => {}, preferredRegion: async () => undefined }));
vi.mock('@/lib/auth/config', () => ({ signOut: vi.fn() }));

// The harness's current region is us-west-2.
const { setRegionAction } = await import('./actions');
const { REGION_SWITCHES_PER_MINUTE } = await import('@/lib/auth/per-user-limiter');

beforeEach(() => {
  vi.clearAllMocks();
  h.audit.mockResolvedValue(undefined);
});

describe('setRegionAction', () => {
  it('records a switch that changes the region, and none that does not', async () => {
    as('viewer');
    expect(await setRegionAction({ region: 'us-west-2' })).toEqual({ ok: true, data: { region: 'us-west-2', changed: false } });
    expect(h.audit).not.toHaveBeenCalled();
    expect(await setRegionAction({ region: 'eu-west-1' })).toEqual({ ok: true, data: { region: 'eu-west-1', changed: true } });
    expect(h.audit).toHaveBeenCalledTimes(1);
    expect(h.audit).toHaveBeenCalledWith(expect.objectContaining({ action: 'region.set', outcome: 'success', user: 'viewer@local' }));
  });

  it('bounds the records a viewer can write by switching in a loop (65 calls of each kind at once)', async () => {
    h.user = { email: 'looper@local', name: 'looper', role: 'viewer', sessionId: 'looper-session', signedInAt: Date.now() };
    const results = await Promise.all(
      Array.from({ length: 130 }, (_, i) => setRegionAction({ region: i % 2 ? 'eu-west-1' : 'us-west-2' })),
    );
    expect(h.audit).toHaveBeenCalledTimes(REGION_SWITCHES_PER_MINUTE);
    expect(results.filter((r) => r.ok && r.data.changed)).toHaveLength(REGION_SWITCHES_PER_MINUTE);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(65 - REGION_SWITCHES_PER_MINUTE);
    expect(refused[0]).toMatchObject({ code: 'TooManyRequests', error: expect.stringMatching(/Too many region switches/) });
    // Another user is not held back by this one.
    h.user = { email: 'other@local', name: 'other', role: 'viewer', sessionId: 'other-session', signedInAt: Date.now() };
    expect(await setRegionAction({ region: 'eu-west-1' })).toMatchObject({ ok: true });
  });
});
