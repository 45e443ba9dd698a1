import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { requestIdSchema } from './request-id';
import { tagRowsSchemaFor } from './tags';
import {
  CHANNEL_TYPES,
  CONTAINER_FORMATS,
  isAdvancedType,
  LATENCY_MODES,
  METADATA_MAX_BYTES,
  MULTITRACK_POLICIES,
  MULTITRACK_RESOLUTIONS,
  PRESETS,
  utf8Bytes,
} from './channel-options';

// Channel input rules, taken from the IVS model (ChannelName, ChannelType, TranscodePreset, the
// *Arn patterns, Tags) plus the cross-field rules IVS enforces (presets only on ADVANCED types,
// multitrack only on STANDARD + FRAGMENTED_MP4). Client-safe: the form and the actions share it.

export * from './channel-options';

/** The 12-character id at the end of a channel ARN: what the console puts in URLs. */
export const channelIdSchema = z.string().check(z.regex(/^[a-zA-Z0-9-]{1,128}$/, 'Not a channel id.'));

export const channelNameSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(128, 'At most 128 characters.'),
    z.regex(/^[a-zA-Z0-9-_]*$/, 'Use only letters, digits, hyphens (-) and underscores (_).'),
  );

// A channel's optional references: "" detaches one (as IVS documents).
const recordingConfigurationRef = arnSchema('recording-configuration', {
  allowEmpty: true,
  message: 'Choose an existing recording configuration.',
});
const adConfigurationRef = arnSchema('ad-configuration', {
  allowEmpty: true,
  message: 'Choose an existing ad configuration.',
});
const restrictionPolicyRef = arnSchema('playback-restriction-policy', {
  allowEmpty: true,
  message: 'Choose an existing restriction policy.',
});

// Tag rules are shared with every other create form (lib/ivs/schemas/tags.ts).
const channelTagsSchema = tagRowsSchemaFor('channel');

const settingsShape = {
  name: channelNameSchema,
  type: z.enum(CHANNEL_TYPES, 'Choose a channel type.'),
  preset: z.union([z.literal(''), z.enum(PRESETS)]),
  latencyMode: z.enum(LATENCY_MODES, 'Choose a latency mode.'),
  authorized: z.boolean(),
  insecureIngest: z.boolean(),
  recordingConfigurationArn: recordingConfigurationRef,
  playbackRestrictionPolicyArn: restrictionPolicyRef,
  adConfigurationArn: adConfigurationRef,
  containerFormat: z.enum(CONTAINER_FORMATS, 'Choose a container format.'),
  multitrackEnabled: z.boolean(),
  multitrackPolicy: z.enum(MULTITRACK_POLICIES),
  multitrackMaximumResolution: z.enum(MULTITRACK_RESOLUTIONS),
};

type Settings = z.infer<z.ZodMiniObject<typeof settingsShape>>;

// The cross-field rules, attached to the field the user must change.
function checkSettings(value: Settings, ctx: z.core.$RefinementCtx<Settings>) {
  if (value.preset && !isAdvancedType(value.type)) {
    ctx.addIssue({ code: 'custom', path: ['preset'], message: 'A preset applies only to ADVANCED_SD and ADVANCED_HD channels.' });
  }
  if (value.multitrackEnabled && value.type !== 'STANDARD') {
    ctx.addIssue({ code: 'custom', path: ['multitrackEnabled'], message: 'Multitrack input needs a STANDARD channel.' });
  }
  if (value.multitrackEnabled && value.containerFormat !== 'FRAGMENTED_MP4') {
    ctx.addIssue({ code: 'custom', path: ['multitrackEnabled'], message: 'Multitrack input needs the FRAGMENTED_MP4 container format.' });
  }
}

export const channelSettingsSchema = z.object(settingsShape).check(z.superRefine(checkSettings));
export const createChannelSchema = z.object({ ...settingsShape, tags: channelTagsSchema }).check(z.superRefine(checkSettings));
/** What the create action takes: the form's values and the id the form made for this one request. */
export const createChannelRequestSchema = z
  .object({ ...settingsShape, tags: channelTagsSchema, requestId: requestIdSchema })
  .check(z.superRefine(checkSettings));
export const updateChannelSchema = z.object({ id: channelIdSchema, ...settingsShape }).check(z.superRefine(checkSettings));

export type ChannelSettingsInput = z.infer<typeof channelSettingsSchema>;
export type CreateChannelInput = z.infer<typeof createChannelSchema>;
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;

export const DEFAULT_CHANNEL_SETTINGS: ChannelSettingsInput = {
  name: '',
  type: 'STANDARD',
  preset: '',
  latencyMode: 'LOW',
  authorized: false,
  insecureIngest: false,
  recordingConfigurationArn: '',
  playbackRestrictionPolicyArn: '',
  adConfigurationArn: '',
  containerFormat: 'TS',
  multitrackEnabled: false,
  multitrackPolicy: 'ALLOW',
  multitrackMaximumResolution: 'FULL_HD',
};

export const putMetadataSchema = z.object({
  id: channelIdSchema,
  metadata: z.string().check(
    z.minLength(1, 'Enter the metadata to send.'),
    z.refine((s) => utf8Bytes(s) <= METADATA_MAX_BYTES, `At most ${METADATA_MAX_BYTES} bytes (UTF-8).`),
  ),
});

/** List filters: IVS accepts only one server-side filter per ListChannels call. */
export const LIST_FILTERS = ['name', 'recording', 'policy', 'ads'] as const;
export type ListFilterKind = (typeof LIST_FILTERS)[number];
