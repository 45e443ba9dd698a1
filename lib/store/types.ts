// The one interface every kind of state the console keeps goes through: plain PostgreSQL SQL with
// $1-style parameters, which both PGlite (embedded) and node-postgres (DATABASE_URL) accept as is.
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs fn in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs fn while no other holder of key runs, in this process or (PostgreSQL) any console instance on
   * the same database. Not a transaction: fn may take seconds and call other services.
   */
  withAdvisoryLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
