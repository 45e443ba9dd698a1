import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';

/** Channels one export may name: a page of the channel list (its selection), read 50 per BatchGetChannel. */
export const MAX_EXPORT_CHANNELS = 100;

/** Channels an export of "all matching" may hold: 20 BatchGetChannel calls; more asks for a narrower filter. */
export const MAX_MATCHING_EXPORT_CHANNELS = 1000;

export const exportFormatSchema = z.enum(['cloudformation', 'terraform'], { message: 'Choose format=cloudformation or format=terraform.' });

/** GET /api/iac/export: the format and the channels (by ARN, of the console's region and account). */
export const exportQuerySchema = z.object({
  format: exportFormatSchema,
  arns: z
    .array(arnSchema('channel'))
    .check(
      z.minLength(1, 'Name at least one channel (arn=…).'),
      z.maxLength(MAX_EXPORT_CHANNELS, `At most ${MAX_EXPORT_CHANNELS} channels per export.`),
    ),
});
