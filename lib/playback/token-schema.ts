import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';

import { MAX_EXPIRY_MINUTES, splitOrigins, VIEWER_ID_MAX_EXPIRY_MINUTES } from './token-options';

export { EXPIRY_PRESETS, MAX_EXPIRY_MINUTES, splitOrigins, VIEWER_ID_MAX_EXPIRY_MINUTES } from './token-options';

// The token generator's form, checked when a token is generated: the generator imports this module
// then, so zod is not on the token page's first load. The limits are in ./token-options.
const ORIGIN = /^https?:\/\/(\*\.)?[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*(:\d{1,5})?$/;

export const playbackTokenSchema = z
  .object({
    channelArn: arnSchema('channel', { message: 'Choose a channel (an IVS channel ARN).' }),
    expiresInMinutes: z
      .number({ message: 'Enter the minutes until the token expires.' })
      .check(z.int('Whole minutes only.'), z.gte(1, 'At least 1 minute.'), z.lte(MAX_EXPIRY_MINUTES, 'At most 30 days.')),
    allowedOrigin: z.string().check(
      z.trim(),
      z.refine((v) => splitOrigins(v).every((o) => ORIGIN.test(o)), {
        message: 'Use origins such as https://example.com or https://*.example.com, separated by commas (no path).',
      }),
    ),
    strictOriginEnforcement: z.boolean(),
    viewerId: z.string().check(z.trim(), z.maxLength(40, 'A viewer id is at most 40 characters.')),
    viewerSessionVersion: z.optional(z.number().check(z.int('Whole numbers only.'), z.gte(0, 'Zero or more.'))),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.strictOriginEnforcement && splitOrigins(v.allowedOrigin).length === 0) {
        ctx.addIssue({ code: 'custom', path: ['allowedOrigin'], message: 'Strict origin enforcement needs an allowed origin.' });
      }
      if (v.strictOriginEnforcement && splitOrigins(v.allowedOrigin).length > 5) {
        ctx.addIssue({ code: 'custom', path: ['allowedOrigin'], message: 'With strict origin enforcement, at most 5 origins.' });
      }
      if (v.viewerId && v.expiresInMinutes > VIEWER_ID_MAX_EXPIRY_MINUTES) {
        ctx.addIssue({
          code: 'custom',
          path: ['expiresInMinutes'],
          message: 'With a viewer id, IVS accepts tokens that expire within 10 minutes.',
        });
      }
      if (!v.viewerId && v.viewerSessionVersion !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['viewerSessionVersion'], message: 'A session version needs a viewer id.' });
      }
    }),
  );

export type PlaybackTokenInput = z.infer<typeof playbackTokenSchema>;
