import type { z } from 'zod';
import type { FieldErrors } from '@/lib/action-result';

/** zod issues -> first message per dotted path ('name', 'tags.0.key'), for errors beside each field. */
export function issuesByPath(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    out[key] ??= issue.message;
  }
  return out;
}

/** The server's fieldErrors (first message per field), in the same shape. */
export function serverErrors(fieldErrors: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) if (messages?.[0]) out[key] = messages[0];
  return out;
}
