import { z } from 'zod';

// The query of GET /api/channels/[id]/metrics (client-safe, so a chart's range picker can share it).
export const CHART_MINUTES = { min: 5, max: 180, default: 30 } as const;

export const channelMetricsQuerySchema = z.object({
  id: z.string().regex(/^[a-zA-Z0-9]{1,128}$/, 'Not a channel id.'),
  minutes: z.coerce
    .number({ message: 'minutes must be a number.' })
    .int('minutes must be a whole number.')
    .min(CHART_MINUTES.min, `Choose at least ${CHART_MINUTES.min} minutes.`)
    .max(CHART_MINUTES.max, `Choose at most ${CHART_MINUTES.max} minutes (3 hours).`)
    .default(CHART_MINUTES.default),
});
export type ChannelMetricsQuery = z.infer<typeof channelMetricsQuerySchema>;
