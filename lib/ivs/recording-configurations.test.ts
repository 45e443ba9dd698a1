import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({ send: vi.fn() }));
vi.mock('@/lib/ivs/client', async () => {
  const { fakeIvsClient } = await import('@/test/fake-ivs-client');
  return { ivsClient: () => fakeIvsClient(h.send) };
});

const { countChannelsByRecordingConfiguration, findRecordingConfiguration } = await import('@/lib/ivs/recording-configurations');
const { inUseMessage } = await import('@/lib/ivs/channel-references');

const RC = (id: string) => `arn:aws:ivs:us-west-2:123456789012:recording-configuration/${id}`;
const CH = (id: string) => ({ arn: `arn:aws:ivs:us-west-2:123456789012:channel/${id}`, name: `ch-${id}` });

beforeEach(() => vi.clearAllMocks());

describe('channels using a recording configuration', () => {
  it('counts every page of the filtered ListChannels, per configuration', async () => {
    h.send.mockImplementation(async ({ input }: { input: { filterByRecordingConfigurationArn: string; nextToken?: string } }) => {
      if (input.filterByRecordingConfigurationArn === RC('b')) return { channels: [] };
      return input.nextToken ? { channels: [CH('3')] } : { channels: [CH('1'), CH('2')], nextToken: 'page2' };
    });
    expect(await countChannelsByRecordingConfiguration('us-west-2', [RC('a'), RC('b')])).toEqual({ [RC('a')]: '3', [RC('b')]: '0' });
    expect(h.send).toHaveBeenCalledTimes(3);
  });

  it('names at most ten channels in the refusal', () => {
    const channels = Array.from({ length: 12 }, (_, i) => ({ ...CH(String(i)), id: String(i) }));
    const message = inUseMessage('recording configuration', { items: channels, truncated: false });
    expect(message).toMatch(/^This recording configuration is used by 12 channels: "ch-0", .*"ch-9" and 2 more\. Detach them first/);
    expect(message).not.toContain('"ch-10"');
  });

  it('says "more than" when the listing was cut off at its page cap', () => {
    const channels = Array.from({ length: 12 }, (_, i) => ({ ...CH(String(i)), id: String(i) }));
    expect(inUseMessage('recording configuration', { items: channels, truncated: true })).toMatch(
      /used by more than 12 channels: .* and at least 2 more\./,
    );
  });
});

describe('finding a configuration by the id in the URL', () => {
  it('returns null when no configuration in the region has that id', async () => {
    h.send.mockResolvedValue({ recordingConfigurations: [{ arn: RC('other'), state: 'ACTIVE' }] });
    expect(await findRecordingConfiguration('us-west-2', 'missing')).toBeNull();
  });
});
