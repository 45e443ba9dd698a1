import * as z from '@/lib/zod';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { tagRowsSchemaFor } from '@/lib/ivs/schemas/tags';
import { requestIdSchema } from '@/lib/ivs/schemas/request-id';

// Recording configuration input rules, from the IVS model (RecordingConfigurationName,
// S3DestinationBucketName, ThumbnailConfiguration, RenditionConfiguration, Tags) plus S3's own bucket
// naming rules, which the model reduces to `[a-z0-9-.]+`. Client-safe: the form and the action share it.

export const RECORDING_MODES = ['INTERVAL', 'DISABLED'] as const;
export const RESOLUTIONS = ['SD', 'HD', 'FULL_HD', 'LOWEST_RESOLUTION'] as const;
export const THUMBNAIL_STORAGE = ['SEQUENTIAL', 'LATEST'] as const;
export const RENDITION_SELECTIONS = ['ALL', 'NONE', 'CUSTOM'] as const;

export const RESOLUTION_LABELS: Record<(typeof RESOLUTIONS)[number], string> = {
  SD: 'SD (480p)',
  HD: 'HD (720p)',
  FULL_HD: 'Full HD (1080p)',
  LOWEST_RESOLUTION: 'Lowest available',
};

const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Every S3 general-purpose bucket naming rule the name breaks, each in its own words. */
export function bucketNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 63) problems.push('Bucket names are 3 to 63 characters long.');
  if (!/^[a-z0-9.-]*$/.test(name)) problems.push('Use only lowercase letters, digits, dots (.) and hyphens (-).');
  if (name && (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name))) problems.push('Begin and end with a lowercase letter or digit.');
  if (name.includes('..')) problems.push('Two dots may not be next to each other.');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) problems.push('A bucket name may not look like an IP address (e.g. 192.168.5.4).');
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) problems.push(`Names may not start with "${prefix}" (reserved by S3).`);
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) problems.push(`Names may not end with "${suffix}" (reserved by S3).`);
  return problems;
}

export const bucketNameSchema = z.string().check(
  z.trim(),
  z.superRefine((name, ctx) => {
    if (!name) return void ctx.addIssue({ code: 'custom', message: 'Enter the S3 bucket that receives recordings.' });
    for (const message of bucketNameProblems(name)) ctx.addIssue({ code: 'custom', message });
  }),
);

export const recordingConfigurationNameSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(128, 'At most 128 characters.'),
    z.regex(/^[a-zA-Z0-9-_]*$/, 'Use only letters, digits, hyphens (-) and underscores (_).'),
  );

/** The id at the end of a recording configuration ARN, as used in URLs. */
export const recordingConfigurationIdSchema = z.string().check(z.regex(/^[a-zA-Z0-9-]{1,128}$/, 'Not a recording configuration id.'));

const recordingConfigurationArnSchema = arnSchema('recording-configuration');

const integerIn = (min: number, max: number, what: string) =>
  z
    .number(`Enter ${what} as a whole number.`)
    .check(z.int(`Enter ${what} as a whole number.`), z.gte(min, `${what} is at least ${min}.`), z.lte(max, `${what} is at most ${max}.`));

// Flat on purpose: the action wrapper reports field errors by top-level key, one per form field.
const createShape = {
  name: recordingConfigurationNameSchema,
  bucketName: bucketNameSchema,
  recordingReconnectWindowSeconds: integerIn(0, 300, 'The reconnect window'),
  thumbnailRecordingMode: z.enum(RECORDING_MODES, 'Choose a thumbnail mode.'),
  thumbnailIntervalSeconds: integerIn(1, 60, 'The thumbnail interval'),
  thumbnailResolution: z.union([z.literal(''), z.enum(RESOLUTIONS)], 'Choose a resolution.'),
  thumbnailStorage: z.array(z.enum(THUMBNAIL_STORAGE)),
  renditionSelection: z.enum(RENDITION_SELECTIONS, 'Choose which renditions to record.'),
  renditions: z.array(z.enum(RESOLUTIONS)),
  tags: tagRowsSchemaFor('recording configuration'),
};

const checkCreate = z.superRefine((v: z.infer<z.ZodMiniObject<typeof createShape>>, ctx) => {
  if (v.thumbnailRecordingMode === 'INTERVAL' && v.thumbnailStorage.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['thumbnailStorage'], message: 'Choose at least one way to store thumbnails.' });
  }
  if (v.renditionSelection === 'CUSTOM' && v.renditions.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['renditions'], message: 'Choose at least one rendition to record, or pick ALL or NONE.' });
  }
  if (v.renditionSelection !== 'CUSTOM' && v.renditions.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['renditions'], message: 'Renditions are chosen only with CUSTOM selection.' });
  }
});

export const createRecordingConfigurationSchema = z.object(createShape).check(checkCreate);
/** What the create action takes: the form's values and the id the form made for this one request. */
export const createRecordingConfigurationRequestSchema = z.object({ ...createShape, requestId: requestIdSchema }).check(checkCreate);

export type CreateRecordingConfigurationInput = z.infer<typeof createRecordingConfigurationSchema>;

export const DEFAULT_RECORDING_CONFIGURATION: CreateRecordingConfigurationInput = {
  name: '',
  bucketName: '',
  recordingReconnectWindowSeconds: 0,
  thumbnailRecordingMode: 'INTERVAL',
  thumbnailIntervalSeconds: 60,
  thumbnailResolution: '',
  thumbnailStorage: ['SEQUENTIAL'],
  renditionSelection: 'ALL',
  renditions: [],
  tags: [],
};

export const recordingConfigurationRefSchema = z.object({ arn: recordingConfigurationArnSchema });
