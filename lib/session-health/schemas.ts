import * as z from '@/lib/zod';
import { channelIdSchema } from '@/lib/ivs/schemas/channel';

// The path of GET /api/channels/[id]/sessions/[streamId]/health (and of the session page).
export const sessionHealthParamsSchema = z.object({
  id: channelIdSchema,
  streamId: z.string().check(z.regex(/^st-[a-zA-Z0-9]{1,64}$/, 'Not a stream session id (st-…).')),
});
export type SessionHealthParams = z.infer<typeof sessionHealthParamsSchema>;
