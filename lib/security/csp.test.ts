import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('contentSecurityPolicy', () => {
  it('lets the test player reach the local emulator only when given its origin', () => {
    const local = contentSecurityPolicy({ dev: false, localPlaybackOrigin: 'http://127.0.0.1:4610' });
    expect(directive(local, 'connect-src')).toContain('http://127.0.0.1:4610');
    expect(directive(local, 'media-src')).toContain('http://127.0.0.1:4610');
    expect(directive(local, 'media-src')).toContain('blob:');

    const aws = contentSecurityPolicy({ dev: false });
    expect(aws).not.toContain('127.0.0.1');
    expect(directive(aws, 'media-src')).toBe("media-src 'self' blob: https://*.live-video.net");
    expect(directive(aws, 'script-src')).not.toContain('unsafe-eval');
  });
});
