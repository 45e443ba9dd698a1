import { describe, expect, it } from 'vitest';
import { boardPageHref } from './page-href';

describe('boardPageHref', () => {
  it('pages the one-region board', () => {
    expect(boardPageHref(2)).toBe('/live?page=2');
  });

  it('keeps "All regions" and names the region paged, so the page stays across regions', () => {
    expect(boardPageHref(3, 'eu-west-1')).toBe('/live?all=1&in=eu-west-1&page=3#live-eu-west-1');
  });
});
