import type { AuditEntry, AuditFilter } from '@/lib/audit/types';

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 500;

export function clampLimit(limit: number | undefined): number {
  if (!limit || !Number.isFinite(limit)) return DEFAULT_AUDIT_LIMIT;
  return Math.min(Math.max(1, Math.floor(limit)), MAX_AUDIT_LIMIT);
}

const contains = (value: string | undefined, needle: string | undefined) =>
  !needle || (value ?? '').toLowerCase().includes(needle.toLowerCase());

/** The file store's filter; the PostgreSQL store expresses the same rules in SQL (ILIKE, at range). */
export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  return (
    contains(entry.user, filter.user) &&
    contains(entry.action, filter.action) &&
    contains(entry.resourceArn, filter.resource) &&
    (!filter.from || entry.at >= new Date(filter.from).toISOString()) &&
    (!filter.to || entry.at <= new Date(filter.to).toISOString())
  );
}
