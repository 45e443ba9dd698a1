import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditPageHref, auditViewFromSearchParams, decodeCursor } from '@/lib/audit/search-params';

const empty = { user: '', action: '', resource: '', outcome: '', from: '', to: '' };

describe('auditViewFromSearchParams', () => {
  it('turns URL filters and the cursor into a store query', () => {
    const view = auditViewFromSearchParams({
      user: ' admin@x ',
      action: 'channel.delete',
      resource: 'arn:x',
      outcome: 'denied',
      before: '2026-01-02T03:04:05.000Z~abc',
    });
    expect(view.filter).toMatchObject({
      user: 'admin@x',
      action: 'channel.delete',
      resource: 'arn:x',
      outcome: 'denied',
      limit: AUDIT_PAGE_SIZE,
    });
    expect(view.filter.before).toEqual({ at: '2026-01-02T03:04:05.000Z', id: 'abc' });
  });

  it('reads datetime-local values as UTC and ignores nonsense', () => {
    const view = auditViewFromSearchParams({ from: '2026-01-31T14:05', to: 'yesterday', before: 'garbage', outcome: 'maybe' });
    expect(view.filter.from).toBe('2026-01-31T14:05:00.000Z');
    expect(view.filter.to).toBeUndefined();
    expect(view.filter.before).toBeUndefined();
    expect(view.filter.outcome).toBeUndefined();
  });

  it('takes the first of repeated parameters', () => {
    expect(auditViewFromSearchParams({ user: ['a', 'b'] }).filter.user).toBe('a');
  });
});

describe('auditPageHref', () => {
  it('keeps the filters, drops empty ones and carries the cursor', () => {
    const href = auditPageHref({ ...empty, user: 'admin' }, { at: '2026-01-01T00:00:00.000Z', id: 'id-1' });
    expect(href).toBe('/audit?user=admin&before=2026-01-01T00%3A00%3A00.000Z%7Eid-1');
    expect(decodeCursor(new URL(href, 'http://x').searchParams.get('before')!)).toEqual({ at: '2026-01-01T00:00:00.000Z', id: 'id-1' });
    expect(auditPageHref(empty)).toBe('/audit');
  });
});
