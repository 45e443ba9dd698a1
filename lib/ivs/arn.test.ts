import { describe, expect, it } from 'vitest';
import { arnRegion, foreignArnMessage, parseArn, resourceIdFromArn, withinArnScope } from './arn';
import { arnSchema } from './schemas/arn';

const CHANNEL = 'arn:aws:ivs:eu-west-1:111122223333:channel/AbCdEfGh1234';
const KEY = 'arn:aws:ivs:eu-west-1:111122223333:stream-key/KeY-123';

describe('parseArn', () => {
  it('splits an IVS ARN into region, account, kind and id', () => {
    expect(parseArn(CHANNEL)).toEqual({ region: 'eu-west-1', account: '111122223333', kind: 'channel', id: 'AbCdEfGh1234' });
    expect(parseArn('arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/p-1')).toMatchObject({
      kind: 'playback-restriction-policy',
      id: 'p-1',
    });
  });

  it('answers null for what is not an IVS ARN, rather than a wrong part', () => {
    for (const text of [
      '',
      'channel/abc',
      'arn:aws:s3:::bucket',
      'arn:aws:ivs:eu-west-1:acct:channel/x',
      'arn:aws:ivs:eu-west-1:1:widget/x',
      `${CHANNEL}/extra`,
      undefined,
      null,
    ]) {
      expect(parseArn(text), String(text)).toBeNull();
    }
    expect(arnRegion('not:an:arn:at:all')).toBe('');
    expect(arnRegion(KEY)).toBe('eu-west-1');
  });

  it('keeps the short id the URLs use', () => {
    expect(resourceIdFromArn(CHANNEL)).toBe('AbCdEfGh1234');
  });
});

describe('arnSchema', () => {
  it('accepts only the ARN kind asked for, with its own message', () => {
    expect(arnSchema('channel').safeParse(CHANNEL).success).toBe(true);
    const wrongKind = arnSchema('channel').safeParse(KEY);
    expect(wrongKind.success).toBe(false);
    expect(wrongKind.error?.issues[0].message).toBe('Not a channel ARN.');
    expect(arnSchema('stream-key').safeParse(KEY).success).toBe(true);
  });

  it('takes several kinds, a custom message, and "" only when allowed', () => {
    const either = arnSchema(['channel', 'stream-key'], { message: 'Nope.' });
    expect(either.safeParse(KEY).success).toBe(true);
    expect(either.safeParse('arn:aws:ivs:eu-west-1:111122223333:playback-key/x').error?.issues[0].message).toBe('Nope.');
    expect(arnSchema('channel').safeParse('').success).toBe(false);
    expect(arnSchema('channel', { allowEmpty: true }).safeParse('').success).toBe(true);
    expect(arnSchema('channel').safeParse(`arn:aws:ivs:eu-west-1:111122223333:channel/${'a'.repeat(120)}`).success).toBe(false);
  });
});

describe('foreignArnMessage and withinArnScope', () => {
  const scope = { region: 'eu-west-1', account: '111122223333' };
  it("accepts the scope's own ARNs and names the region or account of any other", () => {
    expect(foreignArnMessage(CHANNEL, scope)).toBeNull();
    expect(foreignArnMessage(CHANNEL.replace('eu-west-1', 'us-east-1'), scope)).toMatch(/is in us-east-1.*Switch the region to us-east-1/);
    expect(foreignArnMessage(CHANNEL.replace('111122223333', '999999999999'), scope)).toMatch(/belongs to AWS account 999999999999/);
    // With the account unknown, only the region is checked.
    expect(foreignArnMessage(CHANNEL.replace('111122223333', '999999999999'), { region: 'eu-west-1' })).toBeNull();
  });

  it('holds arnSchema to the scope only inside withinArnScope', () => {
    const other = CHANNEL.replace('eu-west-1', 'us-east-1');
    expect(arnSchema('channel').safeParse(other).success).toBe(true);
    expect(withinArnScope(scope, () => arnSchema('channel').safeParse(other).success)).toBe(false);
    expect(withinArnScope(scope, () => arnSchema('channel', { allowEmpty: true }).safeParse('').success)).toBe(true);
    expect(arnSchema('channel').safeParse(other).success).toBe(true);
  });
});
