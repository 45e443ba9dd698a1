import 'server-only';
import type { Pool } from 'pg';
import { clampLimit } from '@/lib/audit/filter';
import type { AuditEntry, AuditStore } from '@/lib/audit/types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  id text PRIMARY KEY,
  at timestamptz NOT NULL,
  "user" text NOT NULL,
  role text NOT NULL,
  region text NOT NULL,
  action text NOT NULL,
  resource_arn text,
  outcome text NOT NULL,
  error text
);
CREATE INDEX IF NOT EXISTS audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX IF NOT EXISTS audit_log_user_idx ON audit_log ("user");
CREATE INDEX IF NOT EXISTS audit_log_action_idx ON audit_log (action);
`;

interface Row {
  id: string;
  at: Date;
  user: string;
  role: string;
  region: string;
  action: string;
  resource_arn: string | null;
  outcome: AuditEntry['outcome'];
  error: string | null;
}

const like = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** PostgreSQL store (DATABASE_URL): one table, created on first use, parameterized queries only. */
export function createPgAuditStore(connectionString: string): AuditStore {
  let ready: Promise<Pool> | undefined;
  const pool = () =>
    (ready ??= (async () => {
      const { Pool } = await import('pg');
      const p = new Pool({ connectionString, max: 4 });
      await p.query(SCHEMA);
      return p;
    })().catch((error) => {
      ready = undefined; // try again on the next call instead of failing forever
      throw error;
    }));

  return {
    async append(e) {
      await (await pool()).query(
        `INSERT INTO audit_log (id, at, "user", role, region, action, resource_arn, outcome, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [e.id, e.at, e.user, e.role, e.region, e.action, e.resourceArn ?? null, e.outcome, e.error ?? null],
      );
    },

    async query(filter) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (filter.user) add(`"user" ILIKE ?`, like(filter.user));
      if (filter.action) add(`action ILIKE ?`, like(filter.action));
      if (filter.resource) add(`resource_arn ILIKE ?`, like(filter.resource));
      if (filter.from) add(`at >= ?`, new Date(filter.from));
      if (filter.to) add(`at <= ?`, new Date(filter.to));
      params.push(clampLimit(filter.limit), Math.max(0, filter.offset ?? 0));
      const { rows } = await (await pool()).query<Row>(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY at DESC, id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        user: r.user,
        role: r.role,
        region: r.region,
        action: r.action,
        outcome: r.outcome,
        ...(r.resource_arn ? { resourceArn: r.resource_arn } : {}),
        ...(r.error ? { error: r.error } : {}),
      }));
    },
  };
}
