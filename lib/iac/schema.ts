import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';

/** Channels one export may name: a page of the channel list (its selection), read 50 per BatchGetChannel. */
export const MAX_EXPORT_CHANNELS = 100;

/** GET /api/iac/export: the format and the channels (by ARN, of the console's region and account). */
export const exportQuerySchema = z.object({
  format: z.enum(['cloudformation', 'terraform'], { message: 'Choose format=cloudformation or format=terraform.' }),
  arns: z
    .array(arnSchema('channel'))
    .check(
      z.minLength(1, 'Name at least one channel (arn=…).'),
      z.maxLength(MAX_EXPORT_CHANNELS, `At most ${MAX_EXPORT_CHANNELS} channels per export.`),
    ),
});
