import { describe, expect, it } from 'vitest';
import { signPayload, verifyPayload } from '@/lib/alerts/signature';

describe('webhook signature', () => {
  // Computed independently: printf '1764690000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test_secret_0123
  it('matches a known vector', () => {
    expect(signPayload('whsec_test_secret_0123', 1764690000, '{"a":1}')).toBe(
      'v1=10d7e7f6eea4398b9af74b24efa23b9664b06ff41ef1683511aff172093ab31f',
    );
  });

  it('verifies a fresh signature and refuses a changed body, another secret or a replay older than 5 minutes', () => {
    const sig = signPayload('s3cret-s3cret-s3cret', 1000, '{"x":1}');
    const headers = { timestamp: '1000', signature: sig };
    expect(verifyPayload('s3cret-s3cret-s3cret', headers, '{"x":1}', 1100)).toBe(true);
    expect(verifyPayload('s3cret-s3cret-s3cret', headers, '{"x":2}', 1100)).toBe(false);
    expect(verifyPayload('another-secret-here', headers, '{"x":1}', 1100)).toBe(false);
    expect(verifyPayload('s3cret-s3cret-s3cret', headers, '{"x":1}', 1301)).toBe(false);
    expect(verifyPayload('s3cret-s3cret-s3cret', { timestamp: null, signature: sig }, '{"x":1}', 1100)).toBe(false);
  });
});
