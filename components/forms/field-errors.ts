import type * as z from '@/lib/zod';
import type { FieldErrors } from '@/lib/action-result';

// Forms that show one message per field, keyed by dotted path ('name', 'publicKeyMaterial',
// 'tags.0.key'): the browser's zod check and the server's answer land in the same shape.

/** zod issues -> the first message per dotted path. */
export function issuesByPath(error: z.core.$ZodError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) out[issue.path.map(String).join('.')] ??= issue.message;
  return out;
}

/** The server's fieldErrors (first message per field), in the same shape. */
export function serverFieldErrors(fieldErrors: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) if (messages?.[0]) out[key] = messages[0];
  return out;
}
