import 'server-only';
import { z } from 'zod';

// Every environment variable the console reads, validated once at start-up (see .env.example).
const csv = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (host: string) => LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);

// A GitHub Enterprise Server's root URL. The OAuth code and the user's token travel to it, so https is
// required; plain http only on this machine's loopback (the e2e stand-in). No path: GHES serves
// /login/oauth and /api/v3 from the root, and a pasted .../api/v3 would double up.
const githubEnterpriseUrl = z
  .url({ message: 'AUTH_GITHUB_ENTERPRISE_URL must be a URL such as https://github.example.com' })
  .transform((v, ctx) => {
    const url = new URL(v);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
      ctx.addIssue({ code: 'custom', message: 'must use https (http is allowed only for localhost/127.0.0.1)' });
    } else if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: "must be the server's root URL, without a path (e.g. https://github.example.com)" });
    }
    return url.origin;
  })
  .optional();

const schema = z.object({
  /** 'local' runs against the embedded IVS emulator; 'aws' against real IVS. Default: aws when a region is configured. */
  IVS_MODE: z.enum(['local', 'aws']).optional(),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  IVS_ENDPOINT: z.url({ message: 'IVS_ENDPOINT must be a URL such as https://ivs.us-west-2.amazonaws.com' }).optional(),
  /** CloudWatch (stream-health metrics); unset: the emulator in local mode, AWS's regional endpoint in aws mode. */
  CLOUDWATCH_ENDPOINT: z
    .url({ message: 'CLOUDWATCH_ENDPOINT must be a URL such as https://monitoring.us-west-2.amazonaws.com' })
    .optional(),
  /** A JSON price file (README, "Usage report"): the usage report then shows a cost estimate. */
  IVS_PRICE_FILE: z.string().min(1).optional(),
  IVS_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(4599),
  IVS_LOCAL_REGION: z.string().default('us-west-2'),
  /** How long the channel list and /live reuse an IVS answer, in ms (lib/ivs/read-cache.ts); 0: only concurrent reads share. */
  IVS_READ_CACHE_MS: z.coerce.number({ message: 'IVS_READ_CACHE_MS must be a whole number of ms' }).int().min(0).max(60_000).default(5_000),
  DATA_DIR: z.string().default('.data'),
  /** PostgreSQL for the console's store (several instances share it); unset: the embedded database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
    .optional(),
  /** Audit records older than this many days are deleted (hourly, in small batches); unset keeps them all. */
  AUDIT_RETENTION_DAYS: z.coerce
    .number({ message: 'AUDIT_RETENTION_DAYS must be a whole number of days' })
    .int()
    .min(1)
    .max(36_500)
    .optional(),
  /** Events (the /events feed) older than this many days are deleted (hourly, in small batches). */
  EVENTS_RETENTION_DAYS: z.coerce
    .number({ message: 'EVENTS_RETENTION_DAYS must be a whole number of days' })
    .int()
    .min(1)
    .max(36_500)
    .default(30),
  /** How often the event watcher compares live channels with its last look, in seconds; 0 turns it off. */
  EVENTS_WATCH_SECONDS: z.coerce
    .number({ message: 'EVENTS_WATCH_SECONDS must be a whole number of seconds (0 turns the watcher off)' })
    .int()
    .min(0)
    .max(3_600)
    .default(15),
  AUTH_SECRET: z.string().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default('Single sign-on'),
  AUTH_OIDC_GROUPS_CLAIM: z.string().default('groups'),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  /** Sign in with GitHub Enterprise Server at this URL instead of github.com. */
  AUTH_GITHUB_ENTERPRISE_URL: githubEnterpriseUrl,
  ROLE_ADMIN_EMAILS: csv,
  ROLE_OPERATOR_EMAILS: csv,
  ROLE_VIEWER_EMAILS: csv,
  ROLE_ADMIN_GROUPS: csv,
  ROLE_OPERATOR_GROUPS: csv,
  ROLE_VIEWER_GROUPS: csv,
  /** Role for a signed-in user matched by no list; empty means such users are refused. */
  ROLE_DEFAULT: z.enum(['viewer', 'operator', 'admin', '']).default(''),
  SERVER_ACTIONS_ALLOWED_ORIGINS: csv,
  /**
   * 'true' only behind a reverse proxy that sets X-Forwarded-Host and drops any the client sent: then
   * server actions are checked against that host. Otherwise the header is whatever the client wrote,
   * so it is ignored (and removed before Next's own check) and the Host header decides.
   */
  TRUST_FORWARDED_HOST: z
    .enum(['true', 'false', ''], { message: 'TRUST_FORWARDED_HOST must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** A session ends this long after sign-in, however busy it is (absolute, never rolled forward). */
  SESSION_MAX_AGE_MINUTES: z.coerce
    .number({ message: 'SESSION_MAX_AGE_MINUTES must be a whole number of minutes' })
    .int()
    .min(5)
    .max(30 * 24 * 60)
    .default(12 * 60),
  /** How often a session's role is derived again from the ROLE_* settings (a removed user loses access within this). */
  SESSION_ROLE_CHECK_SECONDS: z.coerce
    .number({ message: 'SESSION_ROLE_CHECK_SECONDS must be a whole number of seconds' })
    .int()
    .min(10)
    .max(24 * 60 * 60)
    .default(300),
  /** Revealing a stream key or SRT passphrase needs a sign-in at most this old. */
  REVEAL_MAX_SESSION_AGE_MINUTES: z.coerce
    .number({ message: 'REVEAL_MAX_SESSION_AGE_MINUTES must be a whole number of minutes' })
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(60),
  /**
   * The shared secret EventBridge's API destination sends in x-ivs-console-secret (docs/eventbridge.md);
   * unset: POST /api/events/eventbridge answers 404.
   */
  EVENTBRIDGE_SECRET: z.string().min(16, { message: 'EVENTBRIDGE_SECRET must be at least 16 characters' }).optional(),
  /**
   * Vercel sends it as `Authorization: Bearer …` on its Cron requests (vercel.json); unset: GET /api/cron/tick
   * answers 404. Where a process lives on (a container), the watcher and the dispatcher need no cron.
   */
  CRON_SECRET: z.string().min(16, { message: 'CRON_SECRET must be at least 16 characters' }).optional(),
  /** How often the alert dispatcher sends notifications for new events, in seconds; 0: never (lib/alerts/dispatcher.ts). */
  ALERTS_DISPATCH_SECONDS: z.coerce
    .number({ message: 'ALERTS_DISPATCH_SECONDS must be a whole number of seconds' })
    .int()
    .min(0)
    .max(3600)
    .default(5),
  /**
   * How long a claim on a job's item holds (lib/jobs): an instance that dies mid-item leaves it to
   * another this long after. Longer than any one item takes (paced calls, throttle pauses).
   */
  JOBS_ITEM_LEASE_SECONDS: z.coerce
    .number({ message: 'JOBS_ITEM_LEASE_SECONDS must be a whole number of seconds' })
    .int()
    .min(2)
    .max(3600)
    .default(60),
});

export type Env = z.infer<typeof schema> & { mode: 'local' | 'aws'; defaultRegion: string };

/** Validates a set of variables (process.env at start-up); throws one message naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  const awsRegion = vars.AWS_REGION ?? vars.AWS_DEFAULT_REGION;
  const mode = vars.IVS_MODE ?? (awsRegion ? 'aws' : 'local');
  if (mode === 'aws' && !awsRegion) throw new Error('Invalid environment configuration:\n  - AWS_REGION: required when IVS_MODE=aws');
  if (vars.AUTH_OIDC_ISSUER && !(vars.AUTH_OIDC_ID && vars.AUTH_OIDC_SECRET)) {
    throw new Error('Invalid environment configuration:\n  - AUTH_OIDC_ID / AUTH_OIDC_SECRET: required with AUTH_OIDC_ISSUER');
  }
  if (vars.AUTH_GITHUB_ENTERPRISE_URL && !(vars.AUTH_GITHUB_ID && vars.AUTH_GITHUB_SECRET)) {
    throw new Error(
      'Invalid environment configuration:\n  - AUTH_GITHUB_ID / AUTH_GITHUB_SECRET: required with AUTH_GITHUB_ENTERPRISE_URL',
    );
  }
  return { ...vars, mode, defaultRegion: mode === 'local' ? vars.IVS_LOCAL_REGION : awsRegion! };
}

export const env: Env = parseEnv(process.env);
