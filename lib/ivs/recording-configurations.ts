import 'server-only';
import {
  CreateRecordingConfigurationCommand,
  DeleteRecordingConfigurationCommand,
  GetRecordingConfigurationCommand,
  ListRecordingConfigurationsCommand,
  type RecordingConfiguration,
  type RecordingConfigurationSummary,
} from '@aws-sdk/client-ivs';
import { ivsClient, ivsClientNoRetry } from '@/lib/ivs/client';
import { createAdopting, createTags, madeBy } from '@/lib/ivs/create-adopting';
import { isIvsError } from '@/lib/ivs/errors';
import { PAGE_SIZE, pagesOf, readAllPages, wholeListing } from '@/lib/ivs/list-all';
import { channelCount, listChannelsUsing } from '@/lib/ivs/channel-references';
import type { CreateRecordingConfigurationInput } from '@/lib/ivs/schemas/recording-configuration';
import { resourceIdFromArn } from '@/lib/ivs/arn';

export type RecordingConfigurationState = 'CREATING' | 'ACTIVE' | 'CREATE_FAILED';

/** What lists and pickers need about a recording configuration. */
export interface RecordingConfigurationDto {
  arn: string;
  id: string;
  name: string;
  state: RecordingConfigurationState;
  bucketName: string;
  tags: Record<string, string>;
}

export interface RecordingConfigurationDetailDto extends RecordingConfigurationDto {
  recordingReconnectWindowSeconds: number;
  thumbnail: { recordingMode: string; targetIntervalSeconds?: number; resolution?: string; storage: string[] };
  rendition: { renditionSelection: string; renditions: string[] };
}

/** The id shown in URLs is the last ARN segment (arn:aws:ivs:…:recording-configuration/<id>). */
export const recordingConfigurationId = resourceIdFromArn;

export function toRecordingConfigurationDto(s: RecordingConfigurationSummary): RecordingConfigurationDto {
  const arn = s.arn ?? '';
  return {
    arn,
    id: recordingConfigurationId(arn),
    name: s.name ?? '',
    state: (s.state ?? 'CREATING') as RecordingConfigurationState,
    bucketName: s.destinationConfiguration?.s3?.bucketName ?? '',
    tags: s.tags ?? {},
  };
}

function toDetail(c: RecordingConfiguration): RecordingConfigurationDetailDto {
  const t = c.thumbnailConfiguration;
  return {
    ...toRecordingConfigurationDto(c),
    recordingReconnectWindowSeconds: c.recordingReconnectWindowSeconds ?? 0,
    thumbnail: {
      recordingMode: t?.recordingMode ?? 'INTERVAL',
      targetIntervalSeconds: t?.targetIntervalSeconds,
      resolution: t?.resolution,
      storage: t?.storage ?? [],
    },
    rendition: {
      renditionSelection: c.renditionConfiguration?.renditionSelection ?? 'ALL',
      renditions: c.renditionConfiguration?.renditions ?? [],
    },
  };
}

/** Every recording configuration in the region, all pages (for lists and the channel form's picker). */
export async function listAllRecordingConfigurations(region: string): Promise<RecordingConfigurationDto[]> {
  const pages = pagesOf((nextToken) =>
    ivsClient(region).send(new ListRecordingConfigurationsCommand({ maxResults: PAGE_SIZE, nextToken })),
  );
  const all = wholeListing(await readAllPages(pages, (p) => p.recordingConfigurations), 'recording configurations');
  return all.map(toRecordingConfigurationDto);
}

/** One configuration with its thumbnail and rendition settings, or null when IVS no longer has it. */
export async function getRecordingConfiguration(region: string, arn: string): Promise<RecordingConfigurationDetailDto | null> {
  try {
    const res = await ivsClient(region).send(new GetRecordingConfigurationCommand({ arn }));
    return res.recordingConfiguration ? toDetail(res.recordingConfiguration) : null;
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

/** URLs carry only the id; the ARN also needs the account, so find it among the region's configurations. */
export async function findRecordingConfiguration(region: string, id: string): Promise<RecordingConfigurationDetailDto | null> {
  const match = (await listAllRecordingConfigurations(region)).find((c) => c.id === id);
  return match ? getRecordingConfiguration(region, match.arn) : null;
}

/** How many channels use each configuration: one filtered ListChannels per configuration, in parallel. */
export async function countChannelsByRecordingConfiguration(region: string, arns: string[]): Promise<Record<string, string>> {
  const counts = await Promise.all(
    arns.map(async (arn) => [arn, channelCount(await listChannelsUsing(region, { filterByRecordingConfigurationArn: arn }))] as const),
  );
  return Object.fromEntries(counts);
}

/**
 * Creates the configuration. With a request id it carries the id as a tag, and a create whose answer
 * was lost (a 500 after IVS applied it, a dropped connection) is found and adopted rather than made
 * twice (lib/ivs/create-adopting.ts).
 */
export async function createRecordingConfiguration(
  region: string,
  input: CreateRecordingConfigurationInput,
  requestId?: string,
): Promise<RecordingConfigurationDto> {
  const interval = input.thumbnailRecordingMode === 'INTERVAL';
  const { tags, marked } = createTags(input.tags, requestId);
  const command = new CreateRecordingConfigurationCommand({
    name: input.name || undefined,
    destinationConfiguration: { s3: { bucketName: input.bucketName } },
    recordingReconnectWindowSeconds: input.recordingReconnectWindowSeconds,
    // The interval, resolution and storage only mean something while thumbnails are recorded.
    thumbnailConfiguration: interval
      ? {
          recordingMode: 'INTERVAL',
          targetIntervalSeconds: input.thumbnailIntervalSeconds,
          resolution: input.thumbnailResolution || undefined,
          storage: input.thumbnailStorage,
        }
      : { recordingMode: 'DISABLED' },
    renditionConfiguration: {
      renditionSelection: input.renditionSelection,
      renditions: input.renditionSelection === 'CUSTOM' ? input.renditions : undefined,
    },
    tags,
  });
  if (!requestId) return toRecordingConfigurationDto((await ivsClient(region).send(command)).recordingConfiguration!);
  return createAdopting({
    create: async () => toRecordingConfigurationDto((await ivsClientNoRetry(region).send(command)).recordingConfiguration!),
    find: () => recordingConfigurationCreatedBy(region, input, requestId),
    attempts: marked ? 3 : 1,
  });
}

/** The configuration a create request made, if IVS made it (found by the request's tag). */
export async function recordingConfigurationCreatedBy(
  region: string,
  input: CreateRecordingConfigurationInput,
  requestId: string,
): Promise<RecordingConfigurationDto | undefined> {
  if (!createTags(input.tags, requestId).marked) return undefined; // created without the tag: it cannot be told apart
  return madeBy(await listAllRecordingConfigurations(region), requestId);
}

export async function deleteRecordingConfiguration(region: string, arn: string): Promise<void> {
  await ivsClient(region).send(new DeleteRecordingConfigurationCommand({ arn }));
}
