import { describe, expect, it } from 'vitest';
import { isPublicPath } from '@/lib/auth/public-paths';

describe('isPublicPath', () => {
  it('leaves sign-in, Auth.js, health, API routes and static files alone', () => {
    for (const p of ['/login', '/api/auth/session', '/api/health', '/api/streams', '/_next/static/x.js', '/icon.svg', '/favicon.ico']) {
      expect(isPublicPath(p), p).toBe(true);
    }
  });

  it('sends console pages through the sign-in redirect', () => {
    for (const p of ['/', '/channels', '/channels/abc/edit', '/audit', '/loginx', '/apiary']) {
      expect(isPublicPath(p), p).toBe(false);
    }
  });
});
