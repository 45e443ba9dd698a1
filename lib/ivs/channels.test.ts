import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('@/lib/ivs/client', async () => {
  const { fakeIvsClient } = await import('@/test/fake-ivs-client');
  return { ivsClient: () => fakeIvsClient(h.send) };
});

const { channelArn, getChannel, listChannelsPage, toChannelDto, updateChannel } = await import('./channels');
const { DEFAULT_CHANNEL_SETTINGS } = await import('./schemas/channel');

const ARN = 'arn:aws:ivs:eu-west-1:111122223333:channel/AbCdEfGh1234';

// A block body: a function returned from beforeEach would run as a cleanup hook.
beforeEach(() => {
  h.send.mockReset();
});

describe('channels module', () => {
  it('never lets the SRT passphrase into a DTO', () => {
    const dto = toChannelDto({ arn: ARN, name: 'a', srt: { endpoint: 'e.srt.live-video.net', passphrase: 'TOP-SECRET' } });
    expect(dto.srtEndpoint).toBe('e.srt.live-video.net');
    expect(JSON.stringify(dto)).not.toContain('TOP-SECRET');
  });

  it('sends one IVS filter at a time and 100 rows per page', async () => {
    h.send.mockResolvedValue({ channels: [{ arn: ARN, name: 'a' }], nextToken: 'tok' });
    const page = await listChannelsPage('eu-west-1', {
      filter: { kind: 'recording', value: 'arn:aws:ivs:eu-west-1:111122223333:recording-configuration/x' },
      nextToken: 'abc',
    });
    expect(h.send.mock.calls[0][0].input).toEqual({
      maxResults: 100,
      nextToken: 'abc',
      filterByRecordingConfigurationArn: 'arn:aws:ivs:eu-west-1:111122223333:recording-configuration/x',
    });
    expect(page).toMatchObject({ nextToken: 'tok', channels: [{ id: 'AbCdEfGh1234', name: 'a' }] });
  });

  it('builds the full ARN from a short id with the account learned from IVS (one call, then cached)', async () => {
    h.send.mockResolvedValue({ channels: [{ arn: 'arn:aws:ivs:ap-south-1:444455556666:channel/zzz' }] });
    expect(await channelArn('ap-south-1', 'Id1')).toBe('arn:aws:ivs:ap-south-1:444455556666:channel/Id1');
    expect(await channelArn('ap-south-1', 'Id2')).toBe('arn:aws:ivs:ap-south-1:444455556666:channel/Id2');
    expect(h.send).toHaveBeenCalledTimes(1);
  });

  it('answers null for an id in an account with no channels, and for a deleted channel', async () => {
    h.send.mockResolvedValueOnce({ channels: [] });
    expect(await getChannel('ca-central-1', 'Nope')).toBeNull();
    h.send.mockResolvedValueOnce({ channels: [{ arn: ARN }] });
    await listChannelsPage('eu-west-1'); // learns the account
    h.send.mockRejectedValueOnce(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException', $metadata: {} }));
    expect(await getChannel('eu-west-1', 'Gone')).toBeNull();
  });

  it('update sends every setting explicitly (IVS would reset authorized/insecureIngest) and no preset off ADVANCED', async () => {
    h.send.mockResolvedValue({ channel: { arn: ARN } });
    await updateChannel('eu-west-1', ARN, { ...DEFAULT_CHANNEL_SETTINGS, authorized: true });
    const input = h.send.mock.calls[0][0].input;
    expect(input).toMatchObject({
      arn: ARN,
      authorized: true,
      insecureIngest: false,
      recordingConfigurationArn: '',
      multitrackInputConfiguration: { enabled: false },
    });
    expect(input.preset).toBeUndefined();
  });
});
