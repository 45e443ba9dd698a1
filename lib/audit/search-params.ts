import type { AuditFilter } from '@/lib/audit/types';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditView {
  filter: Required<Pick<AuditFilter, 'limit' | 'offset'>> & Omit<AuditFilter, 'limit' | 'offset'>;
  /** The values to put back in the filter form. */
  form: { user: string; action: string; resource: string; from: string; to: string };
  page: number;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? '';

// <input type="datetime-local"> sends "2026-01-31T14:05" without a zone; the page says UTC, so read it as UTC.
function utc(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The audit page's URL (filters and page number) as a store query. Bad values are ignored, not errors. */
export function auditViewFromSearchParams(params: Params): AuditView {
  const form = { user: one(params.user), action: one(params.action), resource: one(params.resource), from: one(params.from), to: one(params.to) };
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));
  return {
    form,
    page,
    filter: {
      user: form.user || undefined,
      action: form.action || undefined,
      resource: form.resource || undefined,
      from: utc(form.from),
      to: utc(form.to),
      limit: AUDIT_PAGE_SIZE,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
    },
  };
}

/** The URL for another page of the same filtered view. */
export function auditPageHref(form: AuditView['form'], page: number): string {
  const query = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
  if (page > 1) query.set('page', String(page));
  const qs = query.toString();
  return qs ? `/audit?${qs}` : '/audit';
}
