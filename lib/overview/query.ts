import { z } from 'zod';

// find-anywhere's URL (/find?q=…&fresh=1), checked on the server; the page says what was wrong.
export const findQuerySchema = z.object({
  q: z
    .string({ message: 'Type a name, id, ARN or tag to find.' })
    .trim()
    .min(1, 'Type a name, id, ARN or tag to find.')
    .max(300, 'That is longer than any IVS name, id, ARN or tag (300 characters at most).'),
  fresh: z.literal('1').optional(),
});

export type FindQuery = z.infer<typeof findQuerySchema>;

/** The first value of each parameter, as Next hands searchParams over (a repeated one is an array). */
export function parseFindQuery(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return findQuerySchema.safeParse({ q: first(params.q), fresh: first(params.fresh) });
}
