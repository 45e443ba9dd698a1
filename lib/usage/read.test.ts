import { describe, expect, it, vi } from 'vitest';

// A region whose credentials may not read CloudWatch says which permission it needs; another region
// still answers (regionUsage never throws).
vi.mock('@/lib/overview/cache', () => ({
  regionInventory: async (region: string) => ({
    region,
    readAt: Date.now(),
    failures: [],
    channels: {
      items: [
        {
          kind: 'channel',
          arn: `arn:aws:ivs:${region}:1:channel/abc`,
          id: 'abc',
          name: 'a',
          tags: {},
          authorized: false,
          type: 'STANDARD',
        },
      ],
      truncated: false,
    },
    live: null,
    keyPairs: null,
    recordingConfigurations: null,
    restrictionPolicies: null,
  }),
}));
vi.mock('@/lib/metrics/points', () => ({
  readChannelStatPoints: async (region: string) => {
    if (region === 'eu-west-1') throw Object.assign(new Error('User is not authorized'), { name: 'AccessDenied', $metadata: {} });
    return new Map([
      ['u0_0', [7200]],
      ['u0_3', [12]],
    ]);
  },
}));
const { usageOfRegions } = await import('./read');

describe('usageOfRegions', () => {
  it('names cloudwatch:GetMetricData for the region that refuses, and reads the others', async () => {
    const window = { start: new Date('2026-12-02T10:00:00Z'), end: new Date('2026-12-03T10:00:00Z') };
    const [ok, denied] = await usageOfRegions(['us-west-2', 'eu-west-1'], window);
    expect(ok).toMatchObject({ error: null, channels: [{ inputSeconds: 7200, peakViews: 12 }] });
    expect(denied.channels).toEqual([]);
    expect(denied.error).toMatch(/may not call cloudwatch:GetMetricData in eu-west-1/);
  });
});
