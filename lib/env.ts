import 'server-only';
import { z } from 'zod';

// Every environment variable the console reads, validated once at start-up (see .env.example).
const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));

const schema = z.object({
  /** 'local' runs against the embedded IVS emulator; 'aws' against real IVS. Default: aws when a region is configured. */
  IVS_MODE: z.enum(['local', 'aws']).optional(),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  IVS_ENDPOINT: z.url({ message: 'IVS_ENDPOINT must be a URL such as https://ivs.us-west-2.amazonaws.com' }).optional(),
  IVS_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(4599),
  IVS_LOCAL_REGION: z.string().default('us-west-2'),
  DATA_DIR: z.string().default('.data'),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_ID: z.string().optional(),
  AUTH_OIDC_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default('Single sign-on'),
  AUTH_OIDC_GROUPS_CLAIM: z.string().default('groups'),
  AUTH_GITHUB_ID: z.string().optional(),
  AUTH_GITHUB_SECRET: z.string().optional(),
  ROLE_ADMIN_EMAILS: csv,
  ROLE_OPERATOR_EMAILS: csv,
  ROLE_VIEWER_EMAILS: csv,
  ROLE_ADMIN_GROUPS: csv,
  ROLE_OPERATOR_GROUPS: csv,
  ROLE_VIEWER_GROUPS: csv,
  /** Role for a signed-in user matched by no list; empty means such users are refused. */
  ROLE_DEFAULT: z.enum(['viewer', 'operator', 'admin', '']).default(''),
  SERVER_ACTIONS_ALLOWED_ORIGINS: csv,
});

export type Env = z.infer<typeof schema> & { mode: 'local' | 'aws'; defaultRegion: string };

function load(): Env {
  const parsed = schema.safeParse(process.env);
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
  return { ...vars, mode, defaultRegion: mode === 'local' ? vars.IVS_LOCAL_REGION : awsRegion! };
}

export const env: Env = load();
