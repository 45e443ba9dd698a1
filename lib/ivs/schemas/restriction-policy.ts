import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { isCountryCode } from '@/lib/countries';
import { tagRowsSchemaFor } from '@/lib/ivs/schemas/tags';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';

// Playback restriction policy input rules, from the IVS model: countries are ISO 3166-1 alpha-2 codes,
// origins are values of the HTTP Origin header (≤128 characters), names `[a-zA-Z0-9-_]*` ≤128.
// Empty lists mean "all countries" / "all origins". Client-safe: the form and the actions share it.

export const MAX_ORIGIN_LENGTH = 128;

/** Why an allowed origin is not an http(s) Origin value (scheme://host[:port]), or undefined when it is. */
export function originProblem(origin: string): string | undefined {
  if (origin.length > MAX_ORIGIN_LENGTH) return `At most ${MAX_ORIGIN_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'Not a URL; write it as https://example.com.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http:// and https:// origins are allowed.';
  if (url.username || url.password) return 'An origin has no user name or password.';
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== ''))
    return `An origin has no path, query or fragment; use ${url.origin}.`;
  if (origin.endsWith('/')) return `Remove the trailing slash: ${url.origin}.`;
  if (url.origin !== origin) return `Write it exactly as browsers send it: ${url.origin}.`;
  return undefined;
}

/** Splits the origins text box (one per line, commas also accepted) into trimmed, non-empty entries. */
export function parseOrigins(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const restrictionPolicyNameSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(128, 'At most 128 characters.'),
    z.regex(/^[a-zA-Z0-9-_]*$/, 'Use only letters, digits, hyphens (-) and underscores (_).'),
  );

const restrictionPolicyArnSchema = arnSchema('playback-restriction-policy');

export const allowedCountriesSchema = z.array(z.string()).check(
  z.superRefine((codes, ctx) => {
    const bad = codes.filter((c) => !isCountryCode(c));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `Not ISO 3166-1 alpha-2 country codes: ${bad.join(', ')}.` });
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: 'A country is listed twice.' });
  }),
);

export const allowedOriginsSchema = z.array(z.string()).check(
  z.superRefine((origins, ctx) => {
    for (const origin of origins) {
      const problem = originProblem(origin);
      if (problem) ctx.addIssue({ code: 'custom', message: `${origin}: ${problem}` });
    }
    if (new Set(origins).size !== origins.length) ctx.addIssue({ code: 'custom', message: 'An origin is listed twice.' });
  }),
);

const policyShape = {
  name: restrictionPolicyNameSchema,
  allowedCountries: allowedCountriesSchema,
  allowedOrigins: allowedOriginsSchema,
  enableStrictOriginEnforcement: z.boolean(),
};

export const createRestrictionPolicySchema = z.object({ ...policyShape, tags: tagRowsSchemaFor('restriction policy') });
/** What the create action takes: the form's values and the id the form made for this one request. */
export const createRestrictionPolicyRequestSchema = z.extend(createRestrictionPolicySchema, { requestId: requestIdSchema });
export const updateRestrictionPolicySchema = z.object({ arn: restrictionPolicyArnSchema, ...policyShape });
export const restrictionPolicyRefSchema = z.object({ arn: restrictionPolicyArnSchema });

export type CreateRestrictionPolicyInput = z.infer<typeof createRestrictionPolicySchema>;
export type UpdateRestrictionPolicyInput = z.infer<typeof updateRestrictionPolicySchema>;
