import { describe, expect, it } from 'vitest';
import { localPlaybackUrl, tokenFromInput } from './local-playback-url';

const IVS = 'https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.AbCdEfGh1234.m3u8';

describe('localPlaybackUrl', () => {
  it('maps an IVS playback URL to the emulator playback path', () => {
    expect(localPlaybackUrl(IVS, 'http://127.0.0.1:4599')).toBe(
      'http://127.0.0.1:4599/_emulator/playback/us-west-2.123456789012.channel.AbCdEfGh1234.m3u8',
    );
    expect(localPlaybackUrl(IVS.replace('v1/', 'v1/aws.ivs.'), 'http://127.0.0.1:4610/')).toBe(
      'http://127.0.0.1:4610/_emulator/playback/us-west-2.123456789012.channel.AbCdEfGh1234.m3u8',
    );
  });

  it('refuses anything that is not an IVS playback URL', () => {
    expect(
      localPlaybackUrl('https://evil.example/api/video/v1/us-west-2.123456789012.channel.AbCdEfGh1234.m3u8', 'http://127.0.0.1:4599'),
    ).toBeNull();
    expect(localPlaybackUrl(IVS.replace('.m3u8', '.mp4'), 'http://127.0.0.1:4599')).toBeNull();
    expect(localPlaybackUrl('not a url', 'http://127.0.0.1:4599')).toBeNull();
  });
});

describe('tokenFromInput', () => {
  it('takes a bare token or the token parameter of a pasted URL', () => {
    expect(tokenFromInput('  aaa.bbb.ccc \n')).toBe('aaa.bbb.ccc');
    expect(tokenFromInput(`${IVS}?token=aaa.bbb.ccc`)).toBe('aaa.bbb.ccc');
    expect(tokenFromInput(`${IVS}?x=1&token=aaa.bbb.ccc#t`)).toBe('aaa.bbb.ccc');
  });
});
