import { beforeEach, describe, expect, it, vi } from 'vitest';

const mocks = vi.hoisted(() => {
  process.env.IVS_MODE = 'local';
  return {
    user: null as null | { email: string; name: string; role: 'viewer' | 'operator' | 'admin'; signedInAt?: number },
    recordAudit: vi.fn(async () => {}),
    recordAuditStrict: vi.fn(async () => {}),
    cookies: new Map<string, string>(),
  };
});

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => mocks.user, requireUser: vi.fn() }));
vi.mock('@/lib/audit', () => ({ recordAudit: mocks.recordAudit, recordAuditStrict: mocks.recordAuditStrict }));
vi.mock('@/lib/preferences', () => ({ preferredRegion: async () => undefined, savePreferredRegion: async () => {} }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (mocks.cookies.has(name) ? { name, value: mocks.cookies.get(name) } : undefined) }),
}));

import { z } from 'zod';
import { redirect } from 'next/navigation';
import { ActionError, defineAction, isGuardedAction } from '@/lib/auth/action';
import { DENIED_AUDITS_PER_MINUTE } from '@/lib/auth/per-user-limiter';

const ARN = 'arn:aws:ivs:us-west-2:123456789012:channel/abcd';

function makeAction(run = vi.fn(async ({ input }: { input: { name: string } }) => ({ arn: ARN, name: input.name })), extra = {}) {
  const action = defineAction({
    name: 'channel.create',
    role: 'operator',
    input: z.object({ name: z.string().min(1, 'Name is required') }),
    resource: (_input, data) => data?.arn,
    run,
    ...extra,
  });
  return { action, run };
}

beforeEach(() => {
  mocks.user = { email: 'op@local.test', name: 'op', role: 'operator' };
  mocks.cookies.clear();
  vi.clearAllMocks();
});

describe('defineAction', () => {
  it('marks the action as guarded and exposes its name and role', () => {
    const { action } = makeAction();
    expect(isGuardedAction(action)).toBe(true);
    expect(isGuardedAction(async () => {})).toBe(false);
    expect(action.actionName).toBe('channel.create');
    expect(action.requiredRole).toBe('operator');
  });

  it('refuses without a session and runs nothing', async () => {
    mocks.user = null;
    const { action, run } = makeAction();
    expect(await action({ name: 'x' })).toMatchObject({ ok: false, code: 'Unauthenticated' });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a role below the required one, audits the denial and runs nothing', async () => {
    mocks.user = { email: 'v@local.test', name: 'v', role: 'viewer' };
    const { action, run } = makeAction();
    const result = await action({ name: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(run).not.toHaveBeenCalled();
    expect(mocks.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ user: 'v@local.test', action: 'channel.create', outcome: 'denied' }),
    );
  });

  it('audits refusals within a per-user bound, and the next record counts the ones left out', async () => {
    mocks.user = { email: 'loop@local.test', name: 'loop', role: 'viewer' };
    const { action } = makeAction();
    for (let i = 0; i < DENIED_AUDITS_PER_MINUTE + 40; i++) expect(await action({ name: 'x' })).toMatchObject({ code: 'Forbidden' });
    const denied = (mocks.recordAudit.mock.calls as unknown as [{ user: string }][]).filter(([e]) => e.user === 'loop@local.test');
    expect(denied).toHaveLength(DENIED_AUDITS_PER_MINUTE);
    // Another user's refusals are their own.
    mocks.user = { email: 'other@local.test', name: 'other', role: 'viewer' };
    await action({ name: 'x' });
    expect(mocks.recordAudit).toHaveBeenLastCalledWith(expect.objectContaining({ user: 'other@local.test', outcome: 'denied' }));
  });

  it('lets a higher role through', async () => {
    mocks.user = { email: 'a@local.test', name: 'a', role: 'admin' };
    expect(await makeAction().action({ name: 'x' })).toMatchObject({ ok: true });
  });

  it('returns field errors for invalid input without running', async () => {
    const { action, run } = makeAction();
    const result = await action({ name: '' });
    expect(result).toMatchObject({ ok: false, code: 'ValidationError', fieldErrors: { name: ['Name is required'] } });
    expect(run).not.toHaveBeenCalled();
  });

  it('runs with the parsed input and the chosen region, and audits the success with the resource', async () => {
    mocks.cookies.set('ivs-region', 'eu-west-1');
    const run = vi.fn(async ({ input, region }: { input: { name: string }; region: string }) => ({ arn: ARN, name: input.name, region }));
    const { action } = makeAction(run as never);
    expect(await action({ name: 'news' })).toEqual({ ok: true, data: { arn: ARN, name: 'news', region: 'eu-west-1' } });
    expect(mocks.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'channel.create', outcome: 'success', resourceArn: ARN, region: 'eu-west-1', role: 'operator' }),
    );
  });

  it('maps an IVS exception to its message and audits the failure', async () => {
    const ivsError = Object.assign(new Error('Channel is live'), { name: 'ConflictException', $metadata: { httpStatusCode: 409 } });
    const { action } = makeAction(vi.fn(async () => Promise.reject(ivsError)));
    const result = await action({ name: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'ConflictException' });
    expect(result.ok || result.error).toMatch(/ConflictException: Channel is live/);
    expect(mocks.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ outcome: 'failure', error: expect.stringContaining('ConflictException') }),
    );
  });

  it('logs a failure on the console side (no AWS credentials) on the server, but not an IVS answer', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const noCredentials = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
      const result = await makeAction(vi.fn(async () => Promise.reject(noCredentials))).action({ name: 'x' });
      expect(result).toMatchObject({ ok: false, code: 'CredentialsError' });
      expect(log).toHaveBeenCalledWith(expect.stringContaining('CredentialsProviderError: Could not load credentials'));

      log.mockClear();
      const ivsAnswer = Object.assign(new Error('Channel is live'), { name: 'ConflictException', $metadata: { httpStatusCode: 409 } });
      await makeAction(vi.fn(async () => Promise.reject(ivsAnswer))).action({ name: 'x' });
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('passes an ActionError refusal through as written', async () => {
    const { action } = makeAction(vi.fn(async () => Promise.reject(new ActionError('Stop the stream first.', 'ChannelLive'))));
    expect(await action({ name: 'x' })).toEqual({ ok: false, code: 'ChannelLive', error: 'Stop the stream first.' });
  });

  it('lets redirect() inside run reach Next instead of reporting a failure', async () => {
    const { action } = makeAction(vi.fn(async () => redirect('/channels/abcd')));
    await expect(action({ name: 'x' })).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  });

  it('with auditStrict, withholds the data when the audit record cannot be written', async () => {
    mocks.recordAuditStrict.mockRejectedValueOnce(new Error('disk full'));
    const { action } = makeAction(
      vi.fn(async () => ({ arn: ARN, name: 'sk_us-west-2_secret' })),
      { auditStrict: true },
    );
    const result = await action({ name: 'x' });
    expect(result).toMatchObject({ ok: false, code: 'AuditUnavailable' });
    expect(JSON.stringify(result)).not.toContain('sk_us-west-2_secret');
  });

  it('with auditStrict, writes the record before returning the data', async () => {
    const { action } = makeAction(undefined, { auditStrict: true });
    expect(await action({ name: 'x' })).toMatchObject({ ok: true });
    expect(mocks.recordAuditStrict).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'success', resourceArn: ARN }));
  });
});

describe('defineAction for a secret (recentSignIn)', () => {
  const reveal = () =>
    makeAction(
      vi.fn(async () => ({ arn: ARN, name: 'secret' })),
      { recentSignIn: true },
    );

  it('refuses a sign-in older than REVEAL_MAX_SESSION_AGE_MINUTES (60), audits the denial and runs nothing', async () => {
    mocks.user = { email: 'op@local.test', name: 'op', role: 'operator', signedInAt: Date.now() - 61 * 60_000 };
    const { action, run } = reveal();
    expect(await action({ name: 'x' })).toMatchObject({ ok: false, code: 'SignInAgain', error: expect.stringContaining('Sign in again') });
    expect(run).not.toHaveBeenCalled();
    expect(mocks.recordAudit).toHaveBeenCalledWith(expect.objectContaining({ action: 'channel.create', outcome: 'denied' }));
  });

  it('lets a recent sign-in through, and leaves actions without the flag alone', async () => {
    mocks.user = { email: 'op@local.test', name: 'op', role: 'operator', signedInAt: Date.now() - 59 * 60_000 };
    expect(await reveal().action({ name: 'x' })).toMatchObject({ ok: true });
    mocks.user = { email: 'op@local.test', name: 'op', role: 'operator', signedInAt: Date.now() - 11 * 60 * 60_000 };
    expect(await makeAction().action({ name: 'x' })).toMatchObject({ ok: true });
  });
});
