import 'server-only';
import type { Queryable } from '@/lib/store';
import type { EventKind, EventSeverity } from '@/lib/alerts/console-event';
import { maskUrl } from '@/lib/alerts/mask';
import { open, seal, SealedValueError } from '@/lib/alerts/secret-box';
import { resolveAuthSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';

/** The secrets alert destinations are sealed under: AUTH_SECRET first, then AUTH_SECRET_1..3 while rotating. */
export function alertSecrets(): string[] {
  const current = resolveAuthSecret({ secret: env.AUTH_SECRET, mode: env.mode, dataDir: env.DATA_DIR });
  const earlier = [1, 2, 3].map((n) => process.env[`AUTH_SECRET_${n}`]).filter((s): s is string => !!s);
  return [current, ...earlier];
}

// Alert rules in the store (migration 9). Two shapes: AlertRule, what the server's dispatcher needs
// (with the destination URL and signing secret), and RuleSummary, the only one a page may see.

export type Destination = 'slack' | 'webhook';

export interface AlertRule {
  id: string;
  name: string;
  kinds: EventKind[];
  minSeverity: EventSeverity;
  /** Scope: every channel when null, else channels tagged tagKey=tagValue. */
  tagKey: string | null;
  tagValue: string | null;
  destination: Destination;
  url: string;
  signingSecret: string | null;
  quietMinutes: number;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
  /** Sealed under an AUTH_SECRET the console no longer has: nothing can be sent until it is created again. */
  unreadable?: boolean;
}

/** A rule as the page shows it: the URL reduced to its host, no secret at all. */
export type RuleSummary = Omit<AlertRule, 'url' | 'signingSecret' | 'createdAt'> & { urlHost: string; signed: boolean; createdAt: string };

interface Row {
  id: string;
  name: string;
  kinds: unknown;
  min_severity: EventSeverity;
  tag_key: string | null;
  tag_value: string | null;
  destination: Destination;
  url: string;
  signing_secret: string | null;
  quiet_minutes: number;
  enabled: boolean;
  created_by: string;
  created_at: Date | string;
}

function toRule(r: Row, secrets: string[]): AlertRule {
  let url = '';
  let signingSecret: string | null = null;
  let unreadable = false;
  try {
    url = open(r.url, secrets);
    signingSecret = r.signing_secret === null ? null : open(r.signing_secret, secrets);
  } catch (error) {
    if (!(error instanceof SealedValueError)) throw error;
    unreadable = true;
  }
  return {
    id: r.id,
    name: r.name,
    kinds: (typeof r.kinds === 'string' ? JSON.parse(r.kinds) : r.kinds) as EventKind[],
    minSeverity: r.min_severity,
    tagKey: r.tag_key,
    tagValue: r.tag_value,
    destination: r.destination,
    url,
    signingSecret,
    quietMinutes: Number(r.quiet_minutes),
    enabled: r.enabled,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    ...(unreadable ? { unreadable } : {}),
  };
}

export function summarize(rule: AlertRule): RuleSummary {
  const { url, signingSecret, createdAt, ...rest } = rule;
  return {
    ...rest,
    urlHost: rule.unreadable ? 'unreadable: AUTH_SECRET changed, create the rule again' : maskUrl(url),
    signed: !!signingSecret,
    createdAt: createdAt.toISOString(),
  };
}

export type NewRule = Omit<AlertRule, 'enabled' | 'createdAt'>;

/** Creates a rule under its id; a second call with the same id (a double submit) changes nothing. */
export async function createRule(db: Queryable, rule: NewRule, now = new Date(), secrets = alertSecrets()): Promise<{ created: boolean }> {
  const { rows } = await db.query(
    `INSERT INTO alert_rules (id, name, kinds, min_severity, tag_key, tag_value, destination, url, signing_secret, quiet_minutes, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      rule.id,
      rule.name,
      JSON.stringify(rule.kinds),
      rule.minSeverity,
      rule.tagKey,
      rule.tagValue,
      rule.destination,
      // Sealed: the store never holds a destination in the clear (lib/alerts/secret-box.ts).
      seal(rule.url, secrets[0]),
      rule.signingSecret === null ? null : seal(rule.signingSecret, secrets[0]),
      rule.quietMinutes,
      rule.createdBy,
      now,
    ],
  );
  return { created: rows.length > 0 };
}

export async function listRules(db: Queryable, secrets = alertSecrets()): Promise<AlertRule[]> {
  const { rows } = await db.query<Row>('SELECT * FROM alert_rules ORDER BY created_at, id');
  return rows.map((r) => toRule(r, secrets));
}

export async function getRule(db: Queryable, id: string, secrets = alertSecrets()): Promise<AlertRule | null> {
  const { rows } = await db.query<Row>('SELECT * FROM alert_rules WHERE id = $1', [id]);
  return rows[0] ? toRule(rows[0], secrets) : null;
}

/** A rule's settings as edited; a null URL or signing secret keeps the one stored (the page never has them). */
export type RuleChanges = Omit<NewRule, 'id' | 'createdBy' | 'url' | 'signingSecret'> & {
  url: string | null;
  signingSecret: string | null;
};

/**
 * Replaces a rule's settings; true when it exists. The URL and signing secret are replaced only when
 * given (sealed like a new rule's). A Slack rule has no signing secret, so one is dropped there.
 */
export async function updateRule(db: Queryable, id: string, c: RuleChanges, secrets = alertSecrets()): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE alert_rules SET name = $2, kinds = $3, min_severity = $4, tag_key = $5, tag_value = $6, destination = $7,
       url = COALESCE($8, url),
       signing_secret = CASE WHEN $7 = 'slack' THEN NULL ELSE COALESCE($9, signing_secret) END,
       quiet_minutes = $10
     WHERE id = $1 RETURNING id`,
    [
      id,
      c.name,
      JSON.stringify(c.kinds),
      c.minSeverity,
      c.tagKey,
      c.tagValue,
      c.destination,
      c.url === null ? null : seal(c.url, secrets[0]),
      c.signingSecret === null ? null : seal(c.signingSecret, secrets[0]),
      c.quietMinutes,
    ],
  );
  return rows.length > 0;
}

/** True when the rule exists (set to the same value again is still true). */
export async function setRuleEnabled(db: Queryable, id: string, enabled: boolean): Promise<boolean> {
  const { rows } = await db.query('UPDATE alert_rules SET enabled = $2 WHERE id = $1 RETURNING id', [id, enabled]);
  return rows.length > 0;
}

/** Deletes a rule, its quiet periods and its deliveries still waiting; true when it was there. */
export async function deleteRule(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query('DELETE FROM alert_rules WHERE id = $1 RETURNING id', [id]);
  await db.query('DELETE FROM alert_quiet WHERE rule_id = $1', [id]);
  await db.query(
    `UPDATE alert_deliveries SET status = 'failed', last_error = 'rule deleted', finished_at = now() WHERE rule_id = $1 AND status IN ('pending', 'sending')`,
    [id],
  );
  return rows.length > 0;
}
