import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerIvs, as, opOf, sentOps, harness as h } from '@/test/action-harness';

const POLICY = 'arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/PoPoPoPo1234';
const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/ChChChCh1234';

const actions = await import('@/app/(console)/restriction-policies/actions');
const { referenceNames } = await import('@/lib/ivs/reference-names');

const settings = { name: 'geo', allowedCountries: ['DE'], allowedOrigins: ['https://example.com'], enableStrictOriginEnforcement: true };

beforeEach(() => {
  vi.clearAllMocks();
  h.audit.mockResolvedValue(undefined);
});

describe('restriction policy actions', () => {
  it('refuse a viewer before any IVS call', async () => {
    as('viewer');
    const results = await Promise.all([
      actions.createRestrictionPolicyAction({ ...settings, tags: [], requestId: randomUUID() }),
      actions.updateRestrictionPolicyAction({ arn: POLICY, ...settings }),
      actions.deleteRestrictionPolicyAction({ arn: POLICY }),
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('refuse an invalid origin with a field error, before IVS', async () => {
    as('operator');
    const result = await actions.createRestrictionPolicyAction({
      ...settings,
      allowedOrigins: ['https://example.com/path'],
      tags: [],
      requestId: randomUUID(),
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'ValidationError',
      fieldErrors: { allowedOrigins: [expect.stringMatching(/no path/)] },
    });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('update re-reads the policy and sends every setting', async () => {
    as('operator');
    h.send.mockImplementation(async (c: { input: unknown }) => ({ playbackRestrictionPolicy: { arn: POLICY, ...(c.input as object) } }));
    expect(await actions.updateRestrictionPolicyAction({ arn: POLICY, ...settings })).toEqual({
      ok: true,
      data: { arn: POLICY, id: 'PoPoPoPo1234' },
    });
    expect(h.send.mock.calls.map(([c]) => opOf(c))).toEqual(['GetPlaybackRestrictionPolicy', 'UpdatePlaybackRestrictionPolicy']);
    expect(h.send.mock.calls[1][0].input).toEqual({ arn: POLICY, ...settings });
  });

  it('refuse to delete while channels use it, naming them', async () => {
    as('admin');
    h.send.mockResolvedValue({ channels: [{ arn: CHANNEL, name: 'geo-locked' }] });
    const result = await actions.deleteRestrictionPolicyAction({ arn: POLICY });
    expect(result).toMatchObject({ ok: false, code: 'InUse', error: expect.stringContaining('"geo-locked"') });
    expect(h.send.mock.calls.map(([c]) => opOf(c))).toEqual(['ListChannels']);
    expect(h.send.mock.calls[0][0].input).toMatchObject({ filterByPlaybackRestrictionPolicyArn: POLICY });
  });

  // The channel list and form read policy names from a shared 30 s cache: a change must show at once.
  it('make the channel pages read policy names afresh after a create, an update and a delete', async () => {
    as('admin');
    const policy = { arn: POLICY, name: 'geo', allowedCountries: [], allowedOrigins: [] };
    answerIvs({
      ListRecordingConfigurations: () => ({ recordingConfigurations: [] }),
      ListPlaybackRestrictionPolicies: () => ({ playbackRestrictionPolicies: [policy] }),
      ListAdConfigurations: () => ({ adConfigurations: [] }),
      CreatePlaybackRestrictionPolicy: () => ({ playbackRestrictionPolicy: policy }),
      GetPlaybackRestrictionPolicy: () => ({ playbackRestrictionPolicy: policy }),
      UpdatePlaybackRestrictionPolicy: () => ({ playbackRestrictionPolicy: policy }),
      ListChannels: () => ({ channels: [] }),
      DeletePlaybackRestrictionPolicy: () => ({}),
    });
    const changes = [
      () => actions.createRestrictionPolicyAction({ ...settings, tags: [], requestId: randomUUID() }),
      () => actions.updateRestrictionPolicyAction({ arn: POLICY, ...settings }),
      () => actions.deleteRestrictionPolicyAction({ arn: POLICY }),
    ];
    for (const change of changes) {
      await referenceNames('us-west-2');
      h.send.mockClear();
      expect(await change()).toMatchObject({ ok: true });
      await referenceNames('us-west-2');
      expect(sentOps()).toContain('ListPlaybackRestrictionPolicies');
    }
  });
});
