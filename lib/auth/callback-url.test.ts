import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeCallbackUrl('/channels/abc?tab=keys')).toBe('/channels/abc?tab=keys');
  });

  it('refuses other sites and odd values', () => {
    for (const bad of ['https://evil.test/', '//evil.test', '/\\evil.test', 'channels', '', null, undefined, 42]) {
      expect(safeCallbackUrl(bad)).toBe('/channels');
    }
  });

  it('does not send the user back to the login page or an API route', () => {
    expect(safeCallbackUrl('/login?callbackUrl=/x')).toBe('/channels');
    expect(safeCallbackUrl('/api/health')).toBe('/channels');
  });
});
