import type { Db } from '@/lib/store/types';

// Versioned, append-only: never edit a released step, add the next one. Both backends run the same SQL.
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'audit_log',
    // IF NOT EXISTS: installations that used the old PostgreSQL store already have the table.
    sql: `
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
DROP INDEX IF EXISTS audit_log_at_idx;
DROP INDEX IF EXISTS audit_log_user_idx;
DROP INDEX IF EXISTS audit_log_action_idx;
-- Every page is ORDER BY at DESC, id DESC with a keyset cursor: each filter gets an index that ends in that order.
CREATE INDEX IF NOT EXISTS audit_log_at_id_idx ON audit_log (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_user_at_idx ON audit_log (lower("user"), at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_action_at_idx ON audit_log (action, at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_resource_at_idx ON audit_log (resource_arn, at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_outcome_at_idx ON audit_log (outcome, at DESC, id DESC);`,
  },
  {
    version: 2,
    name: 'imports',
    // Progress of a one-time import (the old audit.jsonl), committed with each batch so it can resume.
    sql: `CREATE TABLE IF NOT EXISTS store_imports (source text PRIMARY KEY, byte_offset bigint NOT NULL, lines bigint NOT NULL, done boolean NOT NULL DEFAULT false)`,
  },
  {
    version: 3,
    name: 'user_preferences',
    sql: `CREATE TABLE IF NOT EXISTS user_preferences (email text PRIMARY KEY, region text, updated_at timestamptz NOT NULL DEFAULT now())`,
  },
  {
    version: 4,
    name: 'create_requests',
    // One row per create the console was asked for, keyed by the form's request id: a second run of
    // the same id (a double submit, a retry) finds it instead of creating again (lib/requests/).
    // 'unknown': the create failed in a way after which IVS may have made it all the same.
    sql: `
CREATE TABLE IF NOT EXISTS create_requests (
  request_id text PRIMARY KEY,
  kind text NOT NULL,
  region text NOT NULL,
  user_email text NOT NULL,
  input_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'done', 'unknown')),
  result jsonb,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS create_requests_started_idx ON create_requests (started_at);`,
  },
  {
    version: 5,
    name: 'console_sessions',
    // One row per sign-in, keyed by the id the session token carries (lib/auth/sessions.ts): sign-out
    // and an admin's "End session" set ended_at, which every authenticated request checks, so a copied
    // cookie dies with its session. expires_at is fixed at sign-in (an absolute lifetime, never rolled);
    // the role is re-derived from the ROLE_* settings and the identity's email and groups kept here.
    sql: `
CREATE TABLE IF NOT EXISTS console_sessions (
  id text PRIMARY KEY,
  user_email text NOT NULL,
  provider text NOT NULL,
  groups jsonb NOT NULL DEFAULT '[]',
  role text NOT NULL,
  signed_in_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  role_checked_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_reason text
);
CREATE INDEX IF NOT EXISTS console_sessions_active_idx ON console_sessions (signed_in_at DESC) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS console_sessions_user_idx ON console_sessions (lower(user_email)) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS console_sessions_expires_idx ON console_sessions (expires_at);`,
  },
  {
    version: 6,
    name: 'audit_parent_arn',
    // The resource a record's resource belongs to (a stream key's channel), so a filter by the channel
    // finds what was done to its key; indexed in page order like resource_arn.
    sql: `
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS parent_arn text;
CREATE INDEX IF NOT EXISTS audit_log_parent_at_idx ON audit_log (parent_arn, at DESC, id DESC);`,
  },
  {
    version: 7,
    name: 'console_events',
    // The event feed (lib/events): one row per happening, whoever saw it first (the watcher or EventBridge);
    // dedupe_key is unique so the second sighting is not stored. The feed pages by (occurred_at, id) under
    // each filter; a dispatcher reads in (recorded_at, id) order, recorded_at set by the database to the ms.
    sql: `
CREATE TABLE IF NOT EXISTS console_events (
  id text PRIMARY KEY,
  dedupe_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('stream.started', 'stream.ended', 'health.changed', 'starvation.started', 'starvation.ended',
    'finding.appeared', 'viewers.dropped', 'recording.failed', 'limit.breached')),
  severity text NOT NULL CHECK (severity IN ('critical', 'warning', 'info')),
  source text NOT NULL CHECK (source IN ('watcher', 'eventbridge')),
  region text NOT NULL,
  channel_arn text NOT NULL,
  stream_id text,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  title text NOT NULL,
  detail text NOT NULL,
  data jsonb
);
CREATE UNIQUE INDEX IF NOT EXISTS console_events_dedupe_idx ON console_events (dedupe_key);
CREATE INDEX IF NOT EXISTS console_events_occurred_idx ON console_events (occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS console_events_channel_idx ON console_events (channel_arn, occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS console_events_kind_idx ON console_events (kind, occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS console_events_severity_idx ON console_events (severity, occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS console_events_region_idx ON console_events (region, occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS console_events_recorded_idx ON console_events (recorded_at, id);`,
  },
  {
    version: 8,
    name: 'watch_state_and_leases',
    // The event watcher's last look at each live channel (lib/events/watcher.ts), kept here rather than in
    // memory so a restarted or another instance carries on where the last one stopped; and leases, so one
    // instance of a fleet runs a job at a time (taken when expired or already ours, by the database's clock).
    sql: `
CREATE TABLE IF NOT EXISTS watch_state (
  region text NOT NULL,
  channel_arn text NOT NULL,
  stream_id text NOT NULL,
  health text NOT NULL,
  viewers integer NOT NULL,
  channel_name text,
  channel_type text,
  findings jsonb NOT NULL DEFAULT '[]',
  started_at timestamptz,
  observed_at timestamptz NOT NULL,
  PRIMARY KEY (region, channel_arn)
);
CREATE TABLE IF NOT EXISTS leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);`,
  },
  {
    version: 9,
    name: 'alerts',
    // Alert rules (lib/alerts/rules.ts): the destination URL and signing secret are secrets, read only
    // by the dispatcher's send. Deliveries: one per rule and event (the unique pair makes a second
    // dispatch of the same event a no-op), claimed FOR UPDATE SKIP LOCKED so two instances never send
    // one twice. Quiet: when a rule last notified for a channel. Cursor: the last event dispatched.
    sql: `
CREATE TABLE IF NOT EXISTS alert_rules (
  id text PRIMARY KEY,
  name text NOT NULL,
  kinds jsonb NOT NULL,
  min_severity text NOT NULL CHECK (min_severity IN ('info', 'warning', 'critical')),
  tag_key text,
  tag_value text,
  destination text NOT NULL CHECK (destination IN ('slack', 'webhook')),
  url text NOT NULL,
  signing_secret text,
  quiet_minutes integer NOT NULL DEFAULT 10,
  enabled boolean NOT NULL DEFAULT true,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS alert_deliveries (
  id text PRIMARY KEY,
  rule_id text NOT NULL,
  rule_name text NOT NULL,
  event_id text NOT NULL,
  event_kind text NOT NULL,
  event_title text NOT NULL,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  http_status integer,
  last_error text,
  next_attempt_at timestamptz NOT NULL,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  UNIQUE (rule_id, event_id)
);
CREATE INDEX IF NOT EXISTS alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX IF NOT EXISTS alert_deliveries_created_idx ON alert_deliveries (created_at DESC, id DESC);
CREATE TABLE IF NOT EXISTS alert_quiet (
  rule_id text NOT NULL,
  channel_arn text NOT NULL,
  event_id text NOT NULL,
  notified_at timestamptz NOT NULL,
  PRIMARY KEY (rule_id, channel_arn)
);
CREATE TABLE IF NOT EXISTS alert_cursor (
  name text PRIMARY KEY,
  recorded_at bigint NOT NULL,
  event_id text NOT NULL
);`,
  },
  {
    version: 10,
    name: 'eventbridge_intake',
    // How many EventBridge deliveries were recorded, duplicates, ignored or refused (by reason): counts
    // only, a refused body is never kept (lib/eventbridge/intake-counters.ts).
    sql: `CREATE TABLE IF NOT EXISTS eventbridge_intake (outcome text PRIMARY KEY, count bigint NOT NULL, last_at timestamptz NOT NULL)`,
  },
  {
    version: 11,
    name: 'event_acknowledgements',
    // Who acknowledged an event in the feed and when (lib/events/store.ts acknowledgeEvent); the first
    // acknowledgement stands, a second one changes nothing. The audit log has the action too.
    sql: `
ALTER TABLE console_events ADD COLUMN IF NOT EXISTS acknowledged_by text;
ALTER TABLE console_events ADD COLUMN IF NOT EXISTS acknowledged_at timestamptz;`,
  },
  {
    version: 12,
    name: 'jobs',
    // Bulk work run by the server (lib/jobs): a job, its items, and the pacers every job and instance
    // share. An item is claimed with a deadline (claimed_until); one whose instance died is claimed again
    // after it, and its attempts say its outcome is unknown, so the kind re-reads IVS before acting.
    sql: `
CREATE TABLE IF NOT EXISTS jobs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  region text NOT NULL,
  params jsonb NOT NULL,
  started_by text NOT NULL,
  started_role text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'cancelled', 'finished')),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  calls integer NOT NULL DEFAULT 0,
  throttled integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS jobs_created_idx ON jobs (created_at DESC);
CREATE TABLE IF NOT EXISTS job_items (
  job_id text NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  target text NOT NULL,
  label text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  claimed_until timestamptz,
  message text NOT NULL DEFAULT '',
  detail jsonb,
  PRIMARY KEY (job_id, seq)
);
CREATE INDEX IF NOT EXISTS job_items_open_idx ON job_items (job_id, seq) WHERE state IN ('pending', 'running');
CREATE TABLE IF NOT EXISTS pacers (
  name text PRIMARY KEY,
  next_at timestamptz NOT NULL
);`,
  },
];

/** Brings the schema up to date; on PostgreSQL an advisory lock keeps several instances from racing. */
export async function migrate(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7264019)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
  });
}
