import { describe, expect, it } from 'vitest';
import { arnDestination, findInInventories } from './find';
import { describeRegionFailures } from './failures';
import type { RegionInventory } from './types';

const arn = (region: string, kind: string, id: string) => `arn:aws:ivs:${region}:123456789012:${kind}/${id}`;

function inventory(region: string, channels: Array<[string, string, Record<string, string>?]>): RegionInventory {
  return {
    region,
    readAt: 0,
    failures: [],
    channels: {
      truncated: false,
      items: channels.map(([id, name, tags = {}]) => ({
        kind: 'channel',
        arn: arn(region, 'channel', id),
        id,
        name,
        tags,
        authorized: false,
      })),
    },
    live: { count: 0, viewers: 0, truncated: false },
    keyPairs: [{ kind: 'playback-key', arn: arn(region, 'playback-key', 'KP1'), id: 'KP1', name: 'studio-keys', tags: { env: 'prod' } }],
    recordingConfigurations: [],
    restrictionPolicies: [],
  };
}

const regions = [
  inventory('us-west-2', [
    ['AAAA1111', 'studio-a', { env: 'prod' }],
    ['BBBB2222', 'lobby'],
  ]),
  inventory('eu-west-1', [['CCCC3333', 'Studio-B', { env: 'dev' }]]),
];

describe('findInInventories', () => {
  it('finds by part of a name in every region, any case, channels and other resources', () => {
    const { results, total } = findInInventories(regions, 'studio');
    expect(results.map((r) => [r.region, r.kind, r.name])).toEqual([
      ['us-west-2', 'channel', 'studio-a'],
      ['us-west-2', 'playback-key', 'studio-keys'],
      ['eu-west-1', 'channel', 'Studio-B'],
      ['eu-west-1', 'playback-key', 'studio-keys'],
    ]);
    expect(total).toBe(4);
    expect(results[2].path).toBe('/channels/CCCC3333');
  });

  it('finds by whole id or ARN, and by tag key or key=value', () => {
    expect(findInInventories(regions, 'cccc3333').results.map((r) => r.matched)).toEqual(['id']);
    expect(findInInventories(regions, 'CCCC')).toMatchObject({ total: 0 });
    expect(findInInventories(regions, arn('us-west-2', 'channel', 'BBBB2222')).results.map((r) => r.name)).toEqual(['lobby']);
    expect(findInInventories(regions, 'env=dev').results.map((r) => [r.name, r.matched])).toEqual([['Studio-B', 'tag env=dev']]);
    expect(findInInventories(regions, 'env').total).toBe(4);
  });

  it('caps the results and counts every match', () => {
    const { results, total } = findInInventories(regions, 'env', 2);
    expect([results.length, total]).toEqual([2, 4]);
  });
});

describe('arnDestination', () => {
  it('opens an ARN in its own region, on its detail page', () => {
    expect(arnDestination(` ${arn('ap-south-1', 'recording-configuration', 'Rc1')} `)).toEqual({
      region: 'ap-south-1',
      kind: 'recording-configuration',
      label: 'recording configuration',
      id: 'Rc1',
      path: '/recording-configurations/Rc1',
    });
    expect(arnDestination(arn('eu-west-1', 'stream-key', 'Sk1'))?.path).toBeNull();
    expect(arnDestination('studio-a')).toBeNull();
  });
});

describe('describeRegionFailures', () => {
  it('names the IAM permissions an AccessDenied is missing, once per kind of failure', () => {
    const messages = describeRegionFailures('eu-central-1', [
      { operation: 'ListChannels', code: 'AccessDeniedException', message: '' },
      { operation: 'ListStreams', code: 'AccessDeniedException', message: '' },
      { operation: 'ListPlaybackKeyPairs', code: 'ThrottlingException', message: '' },
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/may not call ivs:ListChannels, ivs:ListStreams in eu-central-1/);
    expect(messages[1]).toMatch(/throttled ivs:ListPlaybackKeyPairs/);
  });
});
