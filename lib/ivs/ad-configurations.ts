import 'server-only';
import {
  CreateAdConfigurationCommand,
  DeleteAdConfigurationCommand,
  GetAdConfigurationCommand,
  InsertAdBreakCommand,
  ListAdConfigurationsCommand,
  UpdateAdConfigurationCommand,
  type AdConfiguration,
} from '@aws-sdk/client-ivs';
import { ivsClient, ivsClientNoRetry } from '@/lib/ivs/client';
import { createAdopting, createTags, madeBy } from '@/lib/ivs/create-adopting';
import { isIvsError } from '@/lib/ivs/errors';
import { PAGE_SIZE, pagesOf, readAllPages, wholeListing } from '@/lib/ivs/list-all';
import { channelCount, listChannelsUsing } from '@/lib/ivs/channel-references';
import { resourceIdFromArn } from '@/lib/ivs/arn';
import type { AdConfigurationSettings, CreateAdConfigurationInput } from '@/lib/ivs/schemas/ad-configuration';

// Server-side ad insertion (MediaTailor): the ad configuration resource and InsertAdBreak.
// Summaries carry every field (the model's AdConfigurationSummary = AdConfiguration), so one DTO serves
// lists, pickers and the detail page.

/** What lists, pickers and the detail page need about an ad configuration. */
export interface AdConfigurationDto {
  arn: string;
  id: string;
  name: string;
  playbackConfigurationArns: string[];
  postRoll: { enabled: boolean; durationSeconds: number };
  tags: Record<string, string>;
}

export const adConfigurationId = resourceIdFromArn;

export function toAdConfigurationDto(c: AdConfiguration): AdConfigurationDto {
  const arn = c.arn ?? '';
  return {
    arn,
    id: adConfigurationId(arn),
    name: c.name ?? '',
    playbackConfigurationArns: (c.mediaTailorPlaybackConfigurations ?? []).map((p) => p.playbackConfigurationArn ?? ''),
    // The model's default when none was given: disabled, 15 seconds.
    postRoll: { enabled: c.postRollConfiguration?.enabled ?? false, durationSeconds: c.postRollConfiguration?.durationSeconds ?? 15 },
    tags: c.tags ?? {},
  };
}

// The settings as IVS takes them, shared by create and update.
function toRequest(s: AdConfigurationSettings) {
  return {
    name: s.name || undefined,
    mediaTailorPlaybackConfigurations: s.playbackConfigurationArns.map((playbackConfigurationArn) => ({ playbackConfigurationArn })),
    postRollConfiguration: { enabled: s.postRollEnabled, durationSeconds: s.postRollDurationSeconds },
  };
}

/** Every ad configuration in the region, all pages (for the list and the channel form's picker). */
export async function listAllAdConfigurations(region: string): Promise<AdConfigurationDto[]> {
  const pages = pagesOf((nextToken) => ivsClient(region).send(new ListAdConfigurationsCommand({ maxResults: PAGE_SIZE, nextToken })));
  const all = wholeListing(await readAllPages(pages, (p) => p.adConfigurations), 'ad configurations');
  return all.map(toAdConfigurationDto);
}

/** One configuration, or null when IVS no longer has it. */
export async function getAdConfiguration(region: string, arn: string): Promise<AdConfigurationDto | null> {
  try {
    const res = await ivsClient(region).send(new GetAdConfigurationCommand({ arn }));
    return res.adConfiguration ? toAdConfigurationDto(res.adConfiguration) : null;
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

/** URLs carry only the id; the ARN also needs the account, so find it among the region's configurations. */
export async function findAdConfiguration(region: string, id: string): Promise<AdConfigurationDto | null> {
  const match = (await listAllAdConfigurations(region)).find((c) => c.id === id);
  return match ? getAdConfiguration(region, match.arn) : null;
}

/** How many channels use each configuration: one filtered ListChannels per configuration, in parallel. */
export async function countChannelsByAdConfiguration(region: string, arns: string[]): Promise<Record<string, string>> {
  const counts = await Promise.all(
    arns.map(async (arn) => [arn, channelCount(await listChannelsUsing(region, { filterByAdConfigurationArn: arn }))] as const),
  );
  return Object.fromEntries(counts);
}

/**
 * Creates the configuration. With a request id it carries the id as a tag, and a create whose answer
 * was lost is found and adopted rather than made twice (lib/ivs/create-adopting.ts).
 */
export async function createAdConfiguration(
  region: string,
  input: CreateAdConfigurationInput,
  requestId?: string,
): Promise<AdConfigurationDto> {
  const { tags, marked } = createTags(input.tags, requestId);
  const command = new CreateAdConfigurationCommand({ ...toRequest(input), tags });
  if (!requestId) return toAdConfigurationDto((await ivsClient(region).send(command)).adConfiguration!);
  return createAdopting({
    create: async () => toAdConfigurationDto((await ivsClientNoRetry(region).send(command)).adConfiguration!),
    find: () => adConfigurationCreatedBy(region, input, requestId),
    attempts: marked ? 3 : 1,
  });
}

/** The configuration a create request made, if IVS made it (found by the request's tag). */
export async function adConfigurationCreatedBy(
  region: string,
  input: CreateAdConfigurationInput,
  requestId: string,
): Promise<AdConfigurationDto | undefined> {
  if (!createTags(input.tags, requestId).marked) return undefined; // created without the tag: it cannot be told apart
  return madeBy(await listAllAdConfigurations(region), requestId);
}

/** Replaces the settings (an update sends them all, so running it twice changes nothing more). */
export async function updateAdConfiguration(region: string, arn: string, settings: AdConfigurationSettings): Promise<AdConfigurationDto> {
  const res = await ivsClient(region).send(new UpdateAdConfigurationCommand({ arn, ...toRequest(settings) }));
  return toAdConfigurationDto(res.adConfiguration!);
}

export async function deleteAdConfiguration(region: string, arn: string): Promise<void> {
  await ivsClient(region).send(new DeleteAdConfigurationCommand({ arn }));
}

/**
 * Inserts an ad break into the live channel's playlist and returns its id. Never retried by the SDK:
 * a second break is a second ad break for every viewer (the action runs it once per request id).
 */
export async function insertAdBreak(region: string, channelArn: string, durationSeconds: number): Promise<string> {
  const res = await ivsClientNoRetry(region).send(new InsertAdBreakCommand({ channelArn, durationSeconds }));
  return res.adBreakId ?? '';
}
