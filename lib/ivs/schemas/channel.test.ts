import { describe, expect, it } from 'vitest';
import { createChannelSchema, DEFAULT_CHANNEL_SETTINGS, putMetadataSchema, updateChannelSchema } from './channel';

const base = { ...DEFAULT_CHANNEL_SETTINGS, tags: [] };
const pathsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.'));

describe('channel schema', () => {
  it('accepts the CreateChannel defaults', () => {
    expect(createChannelSchema.safeParse(base).success).toBe(true);
  });

  it('keeps ChannelName to letters, digits, - and _ (128 max)', () => {
    expect(pathsOf(createChannelSchema.safeParse({ ...base, name: 'has space' }))).toEqual(['name']);
    expect(pathsOf(createChannelSchema.safeParse({ ...base, name: 'a'.repeat(129) }))).toEqual(['name']);
    expect(createChannelSchema.safeParse({ ...base, name: 'studio-1_b' }).success).toBe(true);
  });

  it('allows a preset only on ADVANCED types, reported on the preset field', () => {
    expect(pathsOf(createChannelSchema.safeParse({ ...base, preset: 'HIGHER_BANDWIDTH_DELIVERY' }))).toEqual(['preset']);
    expect(createChannelSchema.safeParse({ ...base, type: 'ADVANCED_HD', preset: 'CONSTRAINED_BANDWIDTH_DELIVERY' }).success).toBe(true);
  });

  it('allows multitrack input only on STANDARD with FRAGMENTED_MP4', () => {
    const mt = { ...base, multitrackEnabled: true };
    expect(pathsOf(createChannelSchema.safeParse(mt))).toEqual(['multitrackEnabled']);
    expect(pathsOf(createChannelSchema.safeParse({ ...mt, type: 'BASIC', containerFormat: 'FRAGMENTED_MP4' }))).toEqual([
      'multitrackEnabled',
    ]);
    expect(createChannelSchema.safeParse({ ...mt, containerFormat: 'FRAGMENTED_MP4' }).success).toBe(true);
  });

  it('accepts only ARNs of the right resource kind for the pickers', () => {
    const rc = 'arn:aws:ivs:us-west-2:123456789012:recording-configuration/AbCd1234';
    expect(createChannelSchema.safeParse({ ...base, recordingConfigurationArn: rc }).success).toBe(true);
    expect(pathsOf(createChannelSchema.safeParse({ ...base, playbackRestrictionPolicyArn: rc }))).toEqual(['playbackRestrictionPolicyArn']);
  });

  it('validates tag rows per row and refuses duplicate keys', () => {
    const r = createChannelSchema.safeParse({
      ...base,
      tags: [
        { key: 'team', value: 'a' },
        { key: 'team', value: 'b' },
        { key: 'aws:x', value: '' },
      ],
    });
    expect(pathsOf(r)).toEqual(expect.arrayContaining(['tags.1.key', 'tags.2.key']));
  });

  it('needs a channel id on update', () => {
    expect(pathsOf(updateChannelSchema.safeParse({ ...DEFAULT_CHANNEL_SETTINGS, id: 'bad id!' }))).toEqual(['id']);
  });

  it('limits timed metadata to 1024 UTF-8 bytes, not characters', () => {
    expect(putMetadataSchema.safeParse({ id: 'AbCdEfGh1234', metadata: 'a'.repeat(1024) }).success).toBe(true);
    // 342 three-byte characters = 1026 bytes.
    expect(pathsOf(putMetadataSchema.safeParse({ id: 'AbCdEfGh1234', metadata: '€'.repeat(342) }))).toEqual(['metadata']);
    expect(pathsOf(putMetadataSchema.safeParse({ id: 'AbCdEfGh1234', metadata: '' }))).toEqual(['metadata']);
  });
});
