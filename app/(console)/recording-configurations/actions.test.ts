import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerIvs, as, ivsError, sentOps, harness as h } from '@/test/action-harness';

const CONFIG = 'arn:aws:ivs:us-west-2:123456789012:recording-configuration/RcRcRcRc1234';
const CHANNEL = 'arn:aws:ivs:us-west-2:123456789012:channel/ChChChCh1234';

const actions = await import('@/app/(console)/recording-configurations/actions');
const { referenceNames } = await import('@/lib/ivs/reference-names');
// Detaching is a step of the detach-and-delete job (lib/jobs), which calls this for each channel.
const { detachChannel } = await import('@/lib/ivs/channel-references');
const detach = () => detachChannel('us-west-2', CHANNEL, 'recordingConfigurationArn', CONFIG);

const validCreate = {
  name: 'rec',
  bucketName: 'my-bucket',
  recordingReconnectWindowSeconds: 0,
  thumbnailRecordingMode: 'INTERVAL' as const,
  thumbnailIntervalSeconds: 60,
  thumbnailResolution: '' as const,
  thumbnailStorage: ['SEQUENTIAL' as const],
  renditionSelection: 'ALL' as const,
  renditions: [],
  tags: [],
  requestId: randomUUID(),
};

beforeEach(() => {
  vi.clearAllMocks();
  h.audit.mockResolvedValue(undefined);
});

describe('recording configuration actions', () => {
  it('refuse a viewer before any IVS call', async () => {
    as('viewer');
    const results = await Promise.all([
      actions.createRecordingConfigurationAction(validCreate),
      actions.deleteRecordingConfigurationAction({ arn: CONFIG }),
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: false, code: 'Forbidden' });
    expect(h.send).not.toHaveBeenCalled();
  });

  it('let an operator create but not delete', async () => {
    as('operator');
    answerIvs({
      CreateRecordingConfiguration: () => ({
        recordingConfiguration: { arn: CONFIG, state: 'CREATING', destinationConfiguration: { s3: { bucketName: 'my-bucket' } } },
      }),
    });
    expect(await actions.createRecordingConfigurationAction(validCreate)).toEqual({ ok: true, data: { arn: CONFIG, id: 'RcRcRcRc1234' } });
    expect(await actions.deleteRecordingConfigurationAction({ arn: CONFIG })).toMatchObject({ ok: false, code: 'Forbidden' });
  });

  it('sends renditions only with CUSTOM and thumbnail details only with INTERVAL', async () => {
    as('operator');
    answerIvs({ CreateRecordingConfiguration: () => ({ recordingConfiguration: { arn: CONFIG } }) });
    await actions.createRecordingConfigurationAction({
      ...validCreate,
      thumbnailRecordingMode: 'DISABLED',
      renditionSelection: 'CUSTOM',
      renditions: ['HD'],
    });
    const input = (h.send.mock.calls[0][0] as { input: Record<string, unknown> }).input;
    expect(input.thumbnailConfiguration).toEqual({ recordingMode: 'DISABLED' });
    expect(input.renditionConfiguration).toEqual({ renditionSelection: 'CUSTOM', renditions: ['HD'] });
  });

  it('refuse to delete while channels use it, naming them, without calling Delete', async () => {
    as('admin');
    answerIvs({ ListChannels: () => ({ channels: [{ arn: CHANNEL, name: 'studio-a' }] }) });
    const result = await actions.deleteRecordingConfigurationAction({ arn: CONFIG });
    expect(result).toMatchObject({ ok: false, code: 'InUse', error: expect.stringContaining('"studio-a"') });
    expect(sentOps()).toEqual(['ListChannels']);
    expect(h.send.mock.calls[0][0].input).toMatchObject({ filterByRecordingConfigurationArn: CONFIG });
  });

  it('name the channel when IVS answers Conflict because one was attached meanwhile', async () => {
    as('admin');
    let lists = 0;
    answerIvs({
      ListChannels: () => ({ channels: lists++ === 0 ? [] : [{ arn: CHANNEL, name: 'late-comer' }] }),
      DeleteRecordingConfiguration: () => {
        throw ivsError('ConflictException');
      },
    });
    const result = await actions.deleteRecordingConfigurationAction({ arn: CONFIG });
    expect(result).toMatchObject({ ok: false, code: 'InUse', error: expect.stringContaining('"late-comer"') });
  });

  it('detach a channel by setting its recordingConfigurationArn to ""', async () => {
    as('admin');
    answerIvs({
      GetChannel: () => ({ channel: { arn: CHANNEL, name: 'studio-a', recordingConfigurationArn: CONFIG } }),
      UpdateChannel: () => ({ channel: {} }),
    });
    expect(await detach()).toEqual({ name: 'studio-a', outcome: 'detached' });
    expect(h.send.mock.calls[1][0].input).toEqual({ arn: CHANNEL, recordingConfigurationArn: '' });
  });

  it('leave a channel alone when it already uses something else', async () => {
    as('admin');
    answerIvs({ GetChannel: () => ({ channel: { arn: CHANNEL, name: 'moved', recordingConfigurationArn: '' } }) });
    expect(await detach()).toMatchObject({ outcome: 'already-detached' });
    expect(sentOps()).toEqual(['GetChannel']);
  });

  it('report a live channel, which IVS refuses to update', async () => {
    as('admin');
    answerIvs({
      GetChannel: () => ({ channel: { arn: CHANNEL, name: 'on-air', recordingConfigurationArn: CONFIG } }),
      UpdateChannel: () => {
        throw ivsError('ConflictException');
      },
    });
    expect(await detach()).toEqual({ name: 'on-air', outcome: 'live' });
  });

  // The channel list and form read configuration names from a shared 30 s cache: a change must show at once.
  it('make the channel pages read configuration names afresh after a create and a delete', async () => {
    as('admin');
    const config = { arn: CONFIG, name: 'rec', state: 'ACTIVE', destinationConfiguration: { s3: { bucketName: 'my-bucket' } } };
    answerIvs({
      ListRecordingConfigurations: () => ({ recordingConfigurations: [config] }),
      ListPlaybackRestrictionPolicies: () => ({ playbackRestrictionPolicies: [] }),
      ListAdConfigurations: () => ({ adConfigurations: [] }),
      CreateRecordingConfiguration: () => ({ recordingConfiguration: config }),
      ListChannels: () => ({ channels: [] }),
      DeleteRecordingConfiguration: () => ({}),
    });
    for (const change of [
      () => actions.createRecordingConfigurationAction(validCreate),
      () => actions.deleteRecordingConfigurationAction({ arn: CONFIG }),
    ]) {
      await referenceNames('us-west-2');
      h.send.mockClear();
      expect(await change()).toMatchObject({ ok: true });
      await referenceNames('us-west-2');
      expect(sentOps()).toContain('ListRecordingConfigurations');
    }
  });
});
