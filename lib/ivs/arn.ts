// Client-safe (no server-only): the zod schemas under lib/ivs/schemas, the forms and the server
// share the one ARN shape, arn:aws:ivs:<region>:<account>:<kind>/<id>, and its one parser. The ARN
// schema itself is lib/ivs/schemas/arn.ts: this module stays free of zod, so a page that only reads
// ARNs (the channel list) does not load it.

export const ARN_KINDS = [
  'channel',
  'stream-key',
  'playback-key',
  'recording-configuration',
  'playback-restriction-policy',
  'ad-configuration',
] as const;
export type ArnKind = (typeof ARN_KINDS)[number];

export interface ParsedArn {
  region: string;
  account: string;
  kind: ArnKind;
  id: string;
}

const REGION = '[a-z0-9-]+';
const ACCOUNT = '[0-9]+';
const ID = '[a-zA-Z0-9-]+';
const ARN = new RegExp(`^arn:aws:ivs:(${REGION}):(${ACCOUNT}):([a-z-]+)/(${ID})$`);

/** The parts of an IVS ARN, or null for anything that is not one. */
export function parseArn(arn: string | undefined | null): ParsedArn | null {
  const m = ARN.exec(arn ?? '');
  if (!m || !(ARN_KINDS as readonly string[]).includes(m[3])) return null;
  return { region: m[1], account: m[2], kind: m[3] as ArnKind, id: m[4] };
}

/** The region an IVS ARN lives in, or '' when it is not one. */
export function arnRegion(arn: string | undefined | null): string {
  return parseArn(arn)?.region ?? '';
}

/** An ARN of one of these kinds (whole string). */
export function arnPattern(kind: ArnKind | readonly ArnKind[]): RegExp {
  const kinds = typeof kind === 'string' ? [kind] : kind;
  return new RegExp(`^arn:aws:ivs:${REGION}:${ACCOUNT}:(${kinds.join('|')})/${ID}$`);
}

/** What each kind of ARN is called in messages. */
export const ARN_LABELS: Record<ArnKind, string> = {
  channel: 'channel',
  'stream-key': 'stream key',
  'playback-key': 'playback key pair',
  'recording-configuration': 'recording configuration',
  'playback-restriction-policy': 'playback restriction policy',
  'ad-configuration': 'ad configuration',
};

/** The region and AWS account the console works in; `account` is undefined while it is not known. */
export interface ArnScope {
  region: string;
  account?: string;
}

// Set only for the length of one synchronous parse (withinArnScope), so no other request's parse can
// see it; unset (in the browser, or any parse outside an action) ARNs are checked for shape only.
let activeScope: ArnScope | undefined;

/**
 * Runs `parse` (a synchronous zod parse) with every arnSchema in it refusing ARNs of another region or
 * account: IVS would answer them with a confusing ResourceNotFound or AccessDenied, after calls the
 * action made on the way (a detach's ListChannels, say).
 */
export function withinArnScope<T>(scope: ArnScope, parse: () => T): T {
  const outer = activeScope;
  activeScope = scope;
  try {
    return parse();
  } finally {
    activeScope = outer;
  }
}

/** Why this ARN cannot be used here (another region or account than the scope's), or null. */
export function foreignArnMessage(arn: string, scope: ArnScope | undefined = activeScope): string | null {
  const parsed = scope ? parseArn(arn) : null;
  if (!scope || !parsed) return null;
  const label = ARN_LABELS[parsed.kind];
  if (parsed.region !== scope.region) {
    return `This ${label} is in ${parsed.region}, and the console is working in ${scope.region}. Switch the region to ${parsed.region} to use it.`;
  }
  if (scope.account && parsed.account !== scope.account) {
    return `This ${label} belongs to AWS account ${parsed.account}, not to the account this console manages (${scope.account}).`;
  }
  return null;
}

// Every IVS ARN ends in `<resource-type>/<id>`; the console's URLs and short labels use that id
// (arn:aws:ivs:us-west-2:123456789012:channel/abcd1234EFGH -> abcd1234EFGH).
export function resourceIdFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
