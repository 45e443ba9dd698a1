import { describe, expect, it } from 'vitest';
import { endpointPrefix, ingestEndpoint, makeArn, parseArn, playbackUrl, randomString, srtEndpoint, streamId, streamKeyValue } from './ids';

describe('IVS value formats', () => {
  it('makes 12-character alphanumeric resource ids in ARNs', () => {
    const arn = makeArn('us-west-2', '123456789012', 'channel');
    expect(arn).toMatch(/^arn:aws:ivs:us-west-2:123456789012:channel\/[a-zA-Z0-9]{12}$/);
    expect(parseArn(arn)).toMatchObject({ region: 'us-west-2', account: '123456789012', type: 'channel' });
  });

  it('formats stream keys, stream ids and endpoints like IVS', () => {
    expect(streamKeyValue('eu-west-1', 'AbCdEfGhIjKl')).toMatch(/^sk_eu-west-1_AbCdEfGhIjKl_[a-zA-Z0-9]{30}$/);
    expect(streamId()).toMatch(/^st-[a-zA-Z0-9]{23}$/);
    const prefix = endpointPrefix();
    expect(prefix).toMatch(/^[a-z0-9]{12}$/);
    expect(ingestEndpoint(prefix)).toBe(`${prefix}.global-contribute.live-video.net`);
    expect(srtEndpoint(prefix)).toBe(`${prefix}.srt.live-video.net`);
    expect(playbackUrl(prefix, 'us-west-2', '123456789012', 'abcdABCD1234')).toBe(
      `https://${prefix}.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCD1234.m3u8`,
    );
  });

  it('draws random strings from the whole alphabet', () => {
    const seen = new Set(randomString(4000, 'ab'));
    expect(seen).toEqual(new Set(['a', 'b']));
  });
});
