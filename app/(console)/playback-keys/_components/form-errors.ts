import type { z } from 'zod';
import type { FieldErrors } from '@/lib/action-result';

/** zod issues as `path.joined` -> first message, e.g. 'publicKeyMaterial', 'tags.0.key'. */
export function issuesByPath(error: z.ZodError | undefined, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const path = issue.path.join('.');
    if (!path.startsWith(prefix)) continue;
    const key = path.slice(prefix.length);
    out[key] ??= issue.message;
  }
  return out;
}

/** The server's flattened field errors, in the same shape. */
export function serverFieldErrors(fieldErrors: FieldErrors | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) if (messages?.[0]) out[key] = messages[0];
  return out;
}
