import { describe, expect, it } from 'vitest';
// Next's own parser: what it finds here is the nonce it stamps on its scripts.
import { getScriptNonceFromHeader } from 'next/dist/server/app-render/get-script-nonce-from-header';
import { contentSecurityPolicy, createNonce, noncePolicy } from './csp';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';
const sources = (csp: string, name: string) => directive(csp, name).split(' ').slice(1);

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

  it('allows scripts by nonce and what they load, never inline ones without it', () => {
    const page = contentSecurityPolicy({ dev: false, nonce: 'abc123==' });
    expect(sources(page, 'script-src')).toEqual(expect.arrayContaining(["'nonce-abc123=='", "'strict-dynamic'", "'self'"]));
    expect(directive(page, 'script-src')).not.toContain('unsafe-inline');
    expect(directive(page, 'script-src')).not.toContain('unsafe-eval');
    expect(getScriptNonceFromHeader(page)).toBe('abc123==');

    const noNonce = contentSecurityPolicy({ dev: false });
    expect(sources(noNonce, 'script-src')).not.toContain("'unsafe-inline'");
    expect(directive(noNonce, 'script-src')).not.toMatch(/nonce-|strict-dynamic/);
    expect(getScriptNonceFromHeader(noNonce)).toBeUndefined();
  });

  it('takes images from the console only, and lets forms go to the console and the sign-in providers only', () => {
    const aws = contentSecurityPolicy({ dev: false, signInOrigins: ['https://idp.example.com', 'https://github.com'] });
    expect(directive(aws, 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(aws, 'form-action')).toBe("form-action 'self' https://idp.example.com https://github.com");
    expect(directive(contentSecurityPolicy({ dev: false }), 'form-action')).toBe("form-action 'self'");
    expect(noncePolicy({ dev: false, signInOrigins: ['https://idp.example.com'] })('n')).toContain(
      "form-action 'self' https://idp.example.com;",
    );
  });

  it('keeps what React dev and hls.js need, and refuses framing', () => {
    const dev = contentSecurityPolicy({ dev: true, nonce: 'n0nce' });
    expect(sources(dev, 'script-src')).toContain("'unsafe-eval'");
    expect(sources(dev, 'script-src')).not.toContain("'unsafe-inline'");
    for (const csp of [dev, contentSecurityPolicy({ dev: false })]) {
      expect(sources(csp, 'worker-src')).toContain('blob:');
      expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    }
  });
});

describe('noncePolicy', () => {
  it('is the full policy with the given nonce, for any options', () => {
    for (const options of [{ dev: false }, { dev: true, localPlaybackOrigin: 'http://127.0.0.1:4599' }]) {
      const policyFor = noncePolicy(options);
      for (const nonce of ['abc', createNonce(), createNonce()]) {
        expect(policyFor(nonce)).toBe(contentSecurityPolicy({ ...options, nonce }));
      }
    }
  });
});

describe('createNonce', () => {
  it('is fresh every time and in the form Next extracts', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16); // 128 random bits, as CSP asks
      expect(getScriptNonceFromHeader(`script-src 'nonce-${nonce}'`)).toBe(nonce);
    }
  });
});
