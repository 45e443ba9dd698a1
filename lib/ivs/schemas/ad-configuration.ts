import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { tagRowsSchemaFor } from '@/lib/ivs/schemas/tags';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';
import { AD_DURATION_MAX, AD_DURATION_MIN, adDurationSchema } from '@/lib/ivs/schemas/ad-break';

// Ad configuration input rules, from the IVS model (AdConfigurationName,
// MediaTailorPlaybackConfigurationArn, MediaTailorPlaybackConfigurationsList 1..3, PostRollConfiguration,
// Tags; durations in ./ad-break.ts). Client-safe: the form and the action share it.

export { AD_DURATION_MAX, AD_DURATION_MIN };
export const MAX_PLAYBACK_CONFIGURATIONS = 3;

const MEDIATAILOR_ARN = /^arn:aws:mediatailor:[a-z0-9-]+:[0-9]+:playbackConfiguration\/[a-zA-Z0-9-]+$/;
const MEDIATAILOR_ARN_EXAMPLE = 'arn:aws:mediatailor:<region>:<account>:playbackConfiguration/<name>';

export const adConfigurationNameSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(128, 'At most 128 characters.'),
    z.regex(/^[a-zA-Z0-9-_]*$/, 'Use only letters, digits, hyphens (-) and underscores (_).'),
  );

/** The id at the end of an ad configuration ARN, as used in URLs. */
export const adConfigurationIdSchema = z.string().check(z.regex(/^[a-zA-Z0-9-]{1,128}$/, 'Not an ad configuration id.'));

const adConfigurationArnSchema = arnSchema('ad-configuration');

/** Every problem with the list of MediaTailor playback configuration ARNs, each naming its row. */
export function playbackConfigurationProblems(arns: string[]): string[] {
  const problems: string[] = [];
  if (arns.length < 1) problems.push('Add at least one MediaTailor playback configuration.');
  if (arns.length > MAX_PLAYBACK_CONFIGURATIONS) problems.push(`At most ${MAX_PLAYBACK_CONFIGURATIONS} playback configurations.`);
  arns.forEach((arn, i) => {
    if (!arn) problems.push(`Playback configuration ${i + 1}: enter its ARN.`);
    else if (arn.length > 128 || !MEDIATAILOR_ARN.test(arn))
      problems.push(`Playback configuration ${i + 1}: not a MediaTailor playback configuration ARN (${MEDIATAILOR_ARN_EXAMPLE}).`);
  });
  const seen = new Set<string>();
  arns.forEach((arn, i) => {
    if (arn && seen.has(arn)) problems.push(`Playback configuration ${i + 1}: listed twice.`);
    seen.add(arn);
  });
  return problems;
}

export const playbackConfigurationArnsSchema = z.array(z.string().check(z.trim())).check(
  z.superRefine((arns, ctx) => {
    for (const message of playbackConfigurationProblems(arns)) ctx.addIssue({ code: 'custom', message });
  }),
);

// Flat on purpose: the action wrapper reports field errors by top-level key, one per form field.
const settingsShape = {
  name: adConfigurationNameSchema,
  playbackConfigurationArns: playbackConfigurationArnsSchema,
  postRollEnabled: z.boolean(),
  postRollDurationSeconds: adDurationSchema('The post-roll duration'),
};
const createShape = { ...settingsShape, tags: tagRowsSchemaFor('ad configuration') };

export const createAdConfigurationSchema = z.object(createShape);
/** What the create action takes: the form's values and the id the form made for this one request. */
export const createAdConfigurationRequestSchema = z.object({ ...createShape, requestId: requestIdSchema });
export type CreateAdConfigurationInput = z.infer<typeof createAdConfigurationSchema>;

/** Edit: the same settings (tags are edited in place with the TagEditor, as elsewhere). */
export const updateAdConfigurationSchema = z.object({ arn: adConfigurationArnSchema, ...settingsShape });
export type UpdateAdConfigurationInput = z.infer<typeof updateAdConfigurationSchema>;
export type AdConfigurationSettings = z.infer<z.ZodMiniObject<typeof settingsShape>>;

export const DEFAULT_AD_CONFIGURATION: CreateAdConfigurationInput = {
  name: '',
  playbackConfigurationArns: [''],
  postRollEnabled: false,
  postRollDurationSeconds: 30,
  tags: [],
};

export const adConfigurationRefSchema = z.object({ arn: adConfigurationArnSchema });
