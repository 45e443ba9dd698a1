// Client-safe (no server-only): the zod schemas under lib/ivs/schemas, the forms and the server
// share the one ARN shape, arn:aws:ivs:<region>:<account>:<kind>/<id>, and its one parser. The ARN
// schema itself is lib/ivs/schemas/arn.ts: this module stays free of zod, so a page that only reads
// ARNs (the channel list) does not load it.

export const ARN_KINDS = ['channel', 'stream-key', 'playback-key', 'recording-configuration', 'playback-restriction-policy'] as const;
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

// Every IVS ARN ends in `<resource-type>/<id>`; the console's URLs and short labels use that id
// (arn:aws:ivs:us-west-2:123456789012:channel/abcd1234EFGH -> abcd1234EFGH).
export function resourceIdFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
