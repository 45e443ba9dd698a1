import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bucketNameProblems,
  createRecordingConfigurationSchema,
  DEFAULT_RECORDING_CONFIGURATION,
} from '@/lib/ivs/schemas/recording-configuration';

const errorsOf = (input: object) => {
  const parsed = createRecordingConfigurationSchema.safeParse({ ...DEFAULT_RECORDING_CONFIGURATION, bucketName: 'my-bucket', ...input });
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('S3 bucket name rules', () => {
  it.each(['abc', 'my-recordings.2024', 'a'.repeat(63), '1bucket9'])('accepts %s', (name) => {
    expect(bucketNameProblems(name)).toEqual([]);
  });

  it.each([
    ['ab', /3 to 63/],
    ['a'.repeat(64), /3 to 63/],
    ['My_Bucket', /lowercase letters, digits, dots/],
    ['-bucket', /Begin and end/],
    ['bucket.', /Begin and end/],
    ['my..bucket', /Two dots/],
    ['192.168.5.4', /IP address/],
    ['xn--bucket', /"xn--"/],
    ['sthree-bucket', /"sthree-"/],
    ['amzn-s3-demo-bucket', /"amzn-s3-demo-"/],
    ['bucket-s3alias', /"-s3alias"/],
    ['bucket--ol-s3', /"--ol-s3"/],
    ['bucket.mrap', /"\.mrap"/],
    ['bucket--x-s3', /"--x-s3"/],
    ['bucket--table-s3', /"--table-s3"/],
  ])('refuses %s with its own message', (name, message) => {
    const problems = bucketNameProblems(name);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  it('reports every broken rule at once', () => {
    expect(bucketNameProblems('-A..')).toHaveLength(3);
  });

  it('asks for a bucket when the field is empty', () => {
    expect(errorsOf({ bucketName: '  ' }).bucketName).toEqual(['Enter the S3 bucket that receives recordings.']);
  });
});

describe('recording configuration input', () => {
  it('accepts the defaults with a bucket', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('needs renditions with CUSTOM and refuses them otherwise', () => {
    expect(errorsOf({ renditionSelection: 'CUSTOM', renditions: [] }).renditions?.[0]).toMatch(/at least one rendition/);
    expect(errorsOf({ renditionSelection: 'CUSTOM', renditions: ['HD'] })).toEqual({});
    expect(errorsOf({ renditionSelection: 'ALL', renditions: ['HD'] }).renditions?.[0]).toMatch(/only with CUSTOM/);
  });

  it('needs a thumbnail storage only while thumbnails are recorded', () => {
    expect(errorsOf({ thumbnailStorage: [] }).thumbnailStorage).toBeDefined();
    expect(errorsOf({ thumbnailRecordingMode: 'DISABLED', thumbnailStorage: [] })).toEqual({});
  });

  it('keeps numbers in the model ranges', () => {
    expect(errorsOf({ recordingReconnectWindowSeconds: 301 }).recordingReconnectWindowSeconds?.[0]).toMatch(/at most 300/);
    expect(errorsOf({ thumbnailIntervalSeconds: 0 }).thumbnailIntervalSeconds?.[0]).toMatch(/at least 1/);
    expect(errorsOf({ thumbnailIntervalSeconds: Number.NaN }).thumbnailIntervalSeconds?.[0]).toMatch(/whole number/);
  });

  it('uses the model name pattern and tag rules', () => {
    expect(errorsOf({ name: 'has space' }).name).toBeDefined();
    expect(errorsOf({ tags: [{ key: 'aws:x', value: '' }] }).tags).toBeDefined();
    expect(
      errorsOf({
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      }).tags?.[0],
    ).toMatch(/used twice/);
  });
});
