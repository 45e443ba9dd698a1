import type { AuditCursor, AuditEntry, AuditFilter } from '@/lib/audit/types';

export const AUDIT_PAGE_SIZE = 50;

const OUTCOMES: ReadonlyArray<AuditEntry['outcome']> = ['success', 'failure', 'denied'];

export interface AuditView {
  filter: Required<Pick<AuditFilter, 'limit'>> & Omit<AuditFilter, 'limit'>;
  /** The values to put back in the filter form. */
  form: { user: string; action: string; resource: string; outcome: string; from: string; to: string };
  /** The page starts after this record (keyset paging); undefined on the newest page. */
  before?: AuditCursor;
}

type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? '';

// <input type="datetime-local"> sends "2026-01-31T14:05" without a zone; the page says UTC, so read it as UTC.
function utc(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A cursor in the URL: `<ISO time>~<record id>` of the last record on the previous page. */
export const encodeCursor = (c: AuditCursor) => `${c.at}~${c.id}`;

export function decodeCursor(value: string): AuditCursor | undefined {
  const [at, id] = value.split('~');
  const iso = at && id ? utc(at) : undefined;
  return iso && id ? { at: iso, id } : undefined;
}

/** The audit page's URL (filters and cursor) as a store query. Bad values are ignored, not errors. */
export function auditViewFromSearchParams(params: Params): AuditView {
  const outcome = one(params.outcome);
  const form = {
    user: one(params.user),
    action: one(params.action),
    resource: one(params.resource),
    outcome: OUTCOMES.includes(outcome as AuditEntry['outcome']) ? outcome : '',
    from: one(params.from),
    to: one(params.to),
  };
  const before = decodeCursor(one(params.before));
  return {
    form,
    before,
    filter: {
      user: form.user || undefined,
      action: form.action || undefined,
      resource: form.resource || undefined,
      outcome: (form.outcome || undefined) as AuditEntry['outcome'] | undefined,
      from: utc(form.from),
      to: utc(form.to),
      limit: AUDIT_PAGE_SIZE,
      before,
    },
  };
}

/** The URL of the same filtered view, starting after `before` (or at the newest record without it). */
export function auditPageHref(form: AuditView['form'], before?: AuditCursor): string {
  const query = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
  if (before) query.set('before', encodeCursor(before));
  const qs = query.toString();
  return qs ? `/audit?${qs}` : '/audit';
}
