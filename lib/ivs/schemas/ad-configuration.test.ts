import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createAdConfigurationSchema,
  DEFAULT_AD_CONFIGURATION,
  playbackConfigurationProblems,
  updateAdConfigurationSchema,
} from '@/lib/ivs/schemas/ad-configuration';
import { insertAdBreakSchema } from '@/lib/ivs/schemas/ad-break';

const PC = 'arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/my-config';
const AD_CONFIG = 'arn:aws:ivs:us-west-2:123456789012:ad-configuration/abcdEFGH1234';
const REQUEST = '0b6c7c5e-3c1e-4b7a-9a7e-2f4d5e6f7a8b';

const errorsOf = (input: object) => {
  const parsed = createAdConfigurationSchema.safeParse({ ...DEFAULT_AD_CONFIGURATION, playbackConfigurationArns: [PC], ...input });
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('MediaTailor playback configurations', () => {
  it('accepts one to three distinct ARNs', () => {
    expect(playbackConfigurationProblems([PC])).toEqual([]);
    expect(playbackConfigurationProblems([PC, `${PC}2`, `${PC}3`])).toEqual([]);
  });

  it('refuses none and more than three', () => {
    expect(playbackConfigurationProblems([])).toEqual(['Add at least one MediaTailor playback configuration.']);
    expect(playbackConfigurationProblems([PC, `${PC}2`, `${PC}3`, `${PC}4`])).toContain('At most 3 playback configurations.');
  });

  it.each([
    ['', /Playback configuration 1: enter its ARN/],
    ['arn:aws:ivs:us-west-2:123456789012:channel/abc', /Playback configuration 1: not a MediaTailor/],
    ['arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/has space', /not a MediaTailor/],
    [`arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/${'a'.repeat(100)}`, /not a MediaTailor/],
  ])('refuses %s naming the row', (arn, message) => {
    expect(playbackConfigurationProblems([arn]).some((p) => message.test(p))).toBe(true);
  });

  it('names the second row and a duplicate', () => {
    expect(playbackConfigurationProblems([PC, 'nope'])).toEqual([expect.stringMatching(/^Playback configuration 2: not a MediaTailor/)]);
    expect(playbackConfigurationProblems([PC, PC])).toEqual(['Playback configuration 2: listed twice.']);
  });
});

describe('createAdConfigurationSchema', () => {
  it('accepts the defaults with one playback configuration', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('puts each problem next to its field', () => {
    expect(errorsOf({ name: 'bad name!' }).name).toEqual(['Use only letters, digits, hyphens (-) and underscores (_).']);
    expect(errorsOf({ playbackConfigurationArns: ['x'] }).playbackConfigurationArns?.[0]).toMatch(/Playback configuration 1/);
    expect(errorsOf({ postRollDurationSeconds: 0 }).postRollDurationSeconds).toEqual(['The post-roll duration is at least 1 second.']);
    expect(errorsOf({ postRollDurationSeconds: 301 }).postRollDurationSeconds).toEqual(['The post-roll duration is at most 300 seconds.']);
    expect(errorsOf({ postRollDurationSeconds: 1.5 }).postRollDurationSeconds).toEqual(['Give the post-roll duration in whole seconds.']);
  });
});

describe('updateAdConfigurationSchema', () => {
  it('needs an ad configuration ARN', () => {
    const base = { name: 'a', playbackConfigurationArns: [PC], postRollEnabled: true, postRollDurationSeconds: 10 };
    expect(updateAdConfigurationSchema.safeParse({ ...base, arn: AD_CONFIG }).success).toBe(true);
    expect(updateAdConfigurationSchema.safeParse({ ...base, arn: AD_CONFIG.replace('ad-configuration', 'channel') }).success).toBe(false);
  });
});

describe('insertAdBreakSchema', () => {
  it.each([1, 30, 300])('accepts %i seconds', (durationSeconds) => {
    expect(insertAdBreakSchema.safeParse({ id: 'abcdEFGH1234', durationSeconds, requestId: REQUEST }).success).toBe(true);
  });

  it.each([
    [0, 'The ad break is at least 1 second.'],
    [301, 'The ad break is at most 300 seconds.'],
  ])('refuses %i seconds', (durationSeconds, message) => {
    const parsed = insertAdBreakSchema.safeParse({ id: 'abcdEFGH1234', durationSeconds, requestId: REQUEST });
    expect(parsed.success ? [] : z.flattenError(parsed.error).fieldErrors.durationSeconds).toEqual([message]);
  });

  it('refuses a channel id with a slash and a form without its request id', () => {
    expect(insertAdBreakSchema.safeParse({ id: 'a/b', durationSeconds: 30, requestId: REQUEST }).success).toBe(false);
    expect(insertAdBreakSchema.safeParse({ id: 'abc', durationSeconds: 30 }).success).toBe(false);
  });
});
