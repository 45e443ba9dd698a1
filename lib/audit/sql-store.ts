import 'server-only';
import { clampLimit } from '@/lib/audit/filter';
import type { AuditEntry, AuditFilter, AuditStore } from '@/lib/audit/types';
import type { Queryable } from '@/lib/store/types';

interface Row {
  id: string;
  at: Date | string;
  user: string;
  role: string;
  region: string;
  action: string;
  resource_arn: string | null;
  parent_arn: string | null;
  outcome: AuditEntry['outcome'];
  error: string | null;
}

export const AUDIT_COLUMNS = 'id, at, "user", role, region, action, resource_arn, outcome, error, parent_arn';

export const auditParams = (e: AuditEntry): unknown[] => [
  e.id,
  e.at,
  e.user,
  e.role,
  e.region,
  e.action,
  e.resourceArn ?? null,
  e.outcome,
  e.error ?? null,
  e.parentArn ?? null,
];

/** "($1, …, $10), ($11, …)": placeholders for `rows` audit records, in AUDIT_COLUMNS order. */
export function auditValues(rows: number): string {
  const n = auditParams({} as AuditEntry).length;
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: n }, (_, c) => `$${r * n + c + 1}`).join(', ')})`).join(', ');
}

function toEntry(r: Row): AuditEntry {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    user: r.user,
    role: r.role,
    region: r.region,
    action: r.action,
    outcome: r.outcome,
    ...(r.resource_arn ? { resourceArn: r.resource_arn } : {}),
    ...(r.parent_arn ? { parentArn: r.parent_arn } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}

/** The WHERE clause and parameters for a filter; every condition matches an index (see migrations.ts). */
export function auditWhere(filter: AuditFilter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let i = params.length;
    params.push(...values);
    where.push(sql.replace(/\?/g, () => `$${++i}`));
  };
  if (filter.user) add('lower("user") = lower(?)', filter.user);
  if (filter.action) add('action = ?', filter.action);
  // Two index lookups (resource_arn, parent_arn), OR-ed: still no scan.
  if (filter.resource) add('(resource_arn = ? OR parent_arn = ?)', filter.resource, filter.resource);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  if (filter.from) add('at >= ?', new Date(filter.from).toISOString());
  if (filter.to) add('at <= ?', new Date(filter.to).toISOString());
  if (filter.before) add('(at, id) < (?::timestamptz, ?)', new Date(filter.before.at).toISOString(), filter.before.id);
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The audit log on the console's store (embedded or PostgreSQL): the same SQL on both. */
export function createSqlAuditStore(db: () => Promise<Queryable>): AuditStore {
  return {
    async append(e) {
      await (await db()).query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ${auditValues(1)}`, auditParams(e));
    },

    async query(filter) {
      const { sql, params } = auditWhere(filter);
      const { rows } = await (
        await db()
      ).query<Row>(`SELECT ${AUDIT_COLUMNS} FROM audit_log ${sql} ORDER BY at DESC, id DESC LIMIT $${params.length + 1}`, [
        ...params,
        clampLimit(filter.limit),
      ]);
      return rows.map(toEntry);
    },

    async deleteOlderThan(cutoff, batch) {
      // By primary key through the at index, a batch at a time, so a big first purge never holds a long lock.
      const { rows } = await (
        await db()
      ).query<{ id: string }>(
        `DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < $1 ORDER BY at LIMIT $2) RETURNING id`,
        [cutoff.toISOString(), batch],
      );
      return rows.length;
    },
  };
}
