import * as z from '@/lib/zod';
import { channelIdSchema } from '@/lib/ivs/schemas/channel';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';

// Ad break input rules (AdDurationSeconds 1..300 in the IVS model). Apart from the ad configuration
// schema so the channel page, which checks a break as you type, does not load the tag and ARN rules.

export const AD_DURATION_MIN = 1;
export const AD_DURATION_MAX = 300;

export const adDurationSchema = (what: string) =>
  z
    .number(`Give ${what.charAt(0).toLowerCase() + what.slice(1)} in whole seconds.`)
    .check(
      z.int(`Give ${what.charAt(0).toLowerCase() + what.slice(1)} in whole seconds.`),
      z.gte(AD_DURATION_MIN, `${what} is at least ${AD_DURATION_MIN} second.`),
      z.lte(AD_DURATION_MAX, `${what} is at most ${AD_DURATION_MAX} seconds.`),
    );

/** Insert an ad break on a live channel (by its short id, as the other channel actions take it). */
export const insertAdBreakSchema = z.object({
  id: channelIdSchema,
  durationSeconds: adDurationSchema('The ad break'),
  requestId: requestIdSchema,
});
export type InsertAdBreakInput = z.infer<typeof insertAdBreakSchema>;
