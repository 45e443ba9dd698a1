import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryLabel, isCountryCode, searchCountries } from '@/lib/countries';

describe('ISO 3166-1 alpha-2 list', () => {
  it('has every officially assigned code, once', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    expect(COUNTRIES.every((c) => /^[A-Z]{2}$/.test(c.code) && c.name.length > 1)).toBe(true);
  });

  it('knows real codes and rejects common mistakes', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('GB')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('de')).toBe(false);
  });

  it('finds Germany by part of its name or its code', () => {
    expect(searchCountries('ger')[0]).toEqual({ code: 'DE', name: 'Germany' });
    expect(searchCountries('ger').map((c) => c.code)).toEqual(expect.arrayContaining(['DE', 'NE', 'NG', 'DZ']));
    expect(searchCountries('de')[0].code).toBe('DE');
    expect(searchCountries('zzz')).toEqual([]);
  });

  it('labels codes with their names', () => {
    expect(countryLabel('FR')).toBe('France (FR)');
    expect(countryLabel('XX')).toBe('XX');
  });
});
