import { describe, expect, it } from 'vitest';
import { createRestrictionPolicySchema, originProblem, parseOrigins } from '@/lib/ivs/schemas/restriction-policy';

describe('allowed origins', () => {
  it.each(['https://example.com', 'http://localhost:8080', 'https://sub.example.co.uk'])('accepts %s', (origin) => {
    expect(originProblem(origin)).toBeUndefined();
  });

  it.each([
    ['example.com', /Not a URL/],
    ['ftp://example.com', /Only http/],
    ['https://example.com/', /trailing slash/],
    ['https://example.com/player', /no path/],
    ['https://example.com?x=1', /no path, query/],
    ['https://Example.com', /exactly as browsers send it: https:\/\/example\.com/],
    ['https://example.com:443', /https:\/\/example\.com/],
    [`https://${'a'.repeat(120)}.com`, /At most 128/],
  ])('refuses %s', (origin, message) => {
    expect(originProblem(origin)).toMatch(message);
  });

  it('splits the text box by lines and commas, dropping blanks', () => {
    expect(parseOrigins(' https://a.com \n\n,https://b.com')).toEqual(['https://a.com', 'https://b.com']);
  });
});

describe('restriction policy input', () => {
  const base = { name: 'geo', allowedCountries: [], allowedOrigins: [], enableStrictOriginEnforcement: false, tags: [] };

  it('treats empty lists as valid (IVS reads them as "all")', () => {
    expect(createRestrictionPolicySchema.safeParse(base).success).toBe(true);
  });

  it('refuses unknown country codes and names them', () => {
    const parsed = createRestrictionPolicySchema.safeParse({ ...base, allowedCountries: ['DE', 'XX', 'UK'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/XX, UK/);
  });

  it('names each invalid origin', () => {
    const parsed = createRestrictionPolicySchema.safeParse({ ...base, allowedOrigins: ['https://ok.com', 'nope'] });
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^nope: /)]);
  });
});
