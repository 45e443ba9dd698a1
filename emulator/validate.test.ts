import { describe, expect, it } from 'vitest';
import { validateInput } from './validate';

const message = (input: unknown, shapeName: string) => {
  try {
    validateInput(input, shapeName);
    return 'valid';
  } catch (err) {
    expect((err as { code: string }).code).toBe('ValidationException');
    return (err as Error).message;
  }
};

describe('validateInput (driven by the model)', () => {
  it('names a missing required member', () => {
    expect(message({}, 'GetChannelRequest')).toContain("'arn' failed to satisfy constraint: Member must not be null");
  });

  it('checks patterns, enums, lengths and integer ranges, naming each field', () => {
    const msg = message({ name: 'bad name!', type: 'HUGE', maxResults: 0 }, 'CreateChannelRequest');
    expect(msg).toContain("at 'name'");
    expect(msg).toContain("at 'type' failed to satisfy constraint: Member must satisfy enum value set");
    expect(message({ maxResults: 101 }, 'ListChannelsRequest')).toContain(
      "at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    expect(message({ name: 'x'.repeat(129) }, 'CreateChannelRequest')).toContain('length less than or equal to 128');
  });

  it('checks types and nested structure members', () => {
    expect(message({ authorized: 'yes' }, 'CreateChannelRequest')).toContain(
      "at 'authorized' failed to satisfy constraint: Member must be a boolean",
    );
    expect(message({ multitrackInputConfiguration: { policy: 'SOMETIMES' } }, 'CreateChannelRequest')).toContain(
      "'multitrackInputConfiguration.policy'",
    );
  });

  it('checks list and map sizes and tag characters', () => {
    expect(message({ arns: [] }, 'BatchGetChannelRequest')).toContain("at 'arns'");
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(message({ tags }, 'CreateChannelRequest')).toContain(
      "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    expect(message({ tags: { 'bad#key': 'v' } }, 'CreateChannelRequest')).toContain("at 'tags.key'");
    expect(message({ tags: { 'ключ 1': 'värde' } }, 'CreateChannelRequest')).toBe('valid');
  });

  it('accepts every taggable ARN type despite the model ResourceArn bug', () => {
    for (const type of [
      'channel',
      'stream-key',
      'playback-key',
      'recording-configuration',
      'playback-restriction-policy',
      'ad-configuration',
    ]) {
      expect(message({ resourceArn: `arn:aws:ivs:us-west-2:123456789012:${type}/abcdABCD1234` }, 'ListTagsForResourceRequest')).toBe(
        'valid',
      );
    }
    expect(message({ resourceArn: 'arn:aws:ivs:us-west-2:123456789012:bucket/abc' }, 'ListTagsForResourceRequest')).toContain(
      "at 'resourceArn'",
    );
  });

  it('never echoes sensitive values', () => {
    expect(message({ channelArn: 'arn:aws:ivs:us-west-2:1:channel/a', metadata: '' }, 'PutMetadataRequest')).not.toContain("Value ''");
  });
});
