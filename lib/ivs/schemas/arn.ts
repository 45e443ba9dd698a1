import * as z from '@/lib/zod';
import { ARN_LABELS, arnPattern, foreignArnMessage, type ArnKind } from '@/lib/ivs/arn';

// The ARN input schema, on the one ARN shape of lib/ivs/arn.ts (kept apart so that module needs no zod).

/**
 * An ARN input of that kind (at most 128 characters, the model's limit). `allowEmpty` for an optional
 * reference a form clears with "" (IVS's own way to detach one).
 */
export function arnSchema(
  kind: ArnKind | readonly ArnKind[],
  { message, allowEmpty = false }: { message?: string; allowEmpty?: boolean } = {},
) {
  const pattern = arnPattern(kind);
  const text = message ?? (typeof kind === 'string' ? `Not a ${ARN_LABELS[kind]} ARN.` : 'Not an IVS resource ARN of the right kind.');
  return z.string().check(
    z.maxLength(128),
    z.regex(allowEmpty ? new RegExp(`^$|${pattern.source}`) : pattern, text),
    // Another region or account: refused inside an action's parse (withinArnScope), before any IVS call.
    z.superRefine((value, ctx) => {
      const foreign = foreignArnMessage(value);
      if (foreign) ctx.addIssue({ code: 'custom', message: foreign, params: { foreignArn: true } });
    }),
  );
}
