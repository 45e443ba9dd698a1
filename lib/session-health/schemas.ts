import * as z from '@/lib/zod';
import { channelIdSchema } from '@/lib/ivs/schemas/channel';

// The path of GET /api/channels/[id]/sessions/[streamId]/health (and of the session page).
export const sessionHealthParamsSchema = z.object({
  id: channelIdSchema,
  // The IVS model's StreamId: exactly 26 characters, "st-" and 23 letters or digits.
  streamId: z.string().check(z.regex(/^st-[a-zA-Z0-9]{23}$/, 'Not a stream session id (st- and 23 letters or digits).')),
});
export type SessionHealthParams = z.infer<typeof sessionHealthParamsSchema>;
