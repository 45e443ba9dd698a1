import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditPageHref, auditViewFromSearchParams } from '@/lib/audit/search-params';

describe('auditViewFromSearchParams', () => {
  it('turns URL filters into a store query', () => {
    const view = auditViewFromSearchParams({ user: ' admin ', action: 'channel.', resource: 'arn:x', page: '3' });
    expect(view.filter).toMatchObject({ user: 'admin', action: 'channel.', resource: 'arn:x', limit: AUDIT_PAGE_SIZE, offset: 2 * AUDIT_PAGE_SIZE });
    expect(view.page).toBe(3);
  });

  it('reads datetime-local values as UTC and ignores nonsense', () => {
    const view = auditViewFromSearchParams({ from: '2026-01-31T14:05', to: 'yesterday', page: '-4' });
    expect(view.filter.from).toBe('2026-01-31T14:05:00.000Z');
    expect(view.filter.to).toBeUndefined();
    expect(view.page).toBe(1);
    expect(view.filter.offset).toBe(0);
  });

  it('takes the first of repeated parameters', () => {
    expect(auditViewFromSearchParams({ user: ['a', 'b'] }).filter.user).toBe('a');
  });
});

describe('auditPageHref', () => {
  it('keeps the filters and drops empty ones', () => {
    expect(auditPageHref({ user: 'admin', action: '', resource: '', from: '', to: '' }, 2)).toBe('/audit?user=admin&page=2');
    expect(auditPageHref({ user: '', action: '', resource: '', from: '', to: '' }, 1)).toBe('/audit');
  });
});
