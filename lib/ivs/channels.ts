import 'server-only';
import {
  BatchGetChannelCommand,
  CreateChannelCommand,
  DeleteChannelCommand,
  GetChannelCommand,
  ListChannelsCommand,
  UpdateChannelCommand,
  type Channel,
  type ChannelSummary,
  type ListChannelsCommandInput,
} from '@aws-sdk/client-ivs';
import { ivsClient, ivsClientNoRetry } from '@/lib/ivs/client';
import { createAdopting, REQUEST_TAG } from '@/lib/ivs/create-adopting';
import { PAGE_SIZE, pagesOf, readAllPages } from '@/lib/ivs/list-all';
import { MAX_TAGS } from '@/lib/ivs/schemas/tags';
import { isIvsError } from '@/lib/ivs/errors';
import { sharedRead, writeThrough } from '@/lib/ivs/read-cache';
import type { ChannelSettingsInput, CreateChannelInput, ListFilterKind } from '@/lib/ivs/schemas/channel';
import { parseArn, resourceIdFromArn } from '@/lib/ivs/arn';

/** A row of the channel list (ListChannels' ChannelSummary, flattened). */
export interface ChannelSummaryDto {
  arn: string;
  id: string;
  name: string;
  type: string;
  latencyMode: string;
  authorized: boolean;
  insecureIngest: boolean;
  preset: string;
  recordingConfigurationArn: string;
  playbackRestrictionPolicyArn: string;
  adConfigurationArn: string;
  tags: Record<string, string>;
}

/** Everything the channel page shows. The SRT passphrase is deliberately absent (a secret). */
export interface ChannelDto extends ChannelSummaryDto {
  containerFormat: string;
  multitrack: { enabled: boolean; policy: string; maximumResolution: string };
  ingestEndpoint: string;
  playbackUrl: string;
  srtEndpoint: string;
}

export const channelIdFromArn = resourceIdFromArn;

export function toSummaryDto(c: ChannelSummary): ChannelSummaryDto {
  const arn = c.arn ?? '';
  return {
    arn,
    id: channelIdFromArn(arn),
    name: c.name ?? '',
    type: c.type ?? 'STANDARD',
    latencyMode: c.latencyMode ?? 'LOW',
    authorized: c.authorized ?? false,
    insecureIngest: c.insecureIngest ?? false,
    preset: c.preset ?? '',
    recordingConfigurationArn: c.recordingConfigurationArn ?? '',
    playbackRestrictionPolicyArn: c.playbackRestrictionPolicyArn ?? '',
    adConfigurationArn: c.adConfigurationArn ?? '',
    tags: c.tags ?? {},
  };
}

export function toChannelDto(c: Channel): ChannelDto {
  return {
    ...toSummaryDto(c),
    containerFormat: c.containerFormat ?? 'TS',
    multitrack: {
      enabled: c.multitrackInputConfiguration?.enabled ?? false,
      policy: c.multitrackInputConfiguration?.policy ?? 'ALLOW',
      maximumResolution: c.multitrackInputConfiguration?.maximumResolution ?? 'FULL_HD',
    },
    ingestEndpoint: c.ingestEndpoint ?? '',
    playbackUrl: c.playbackUrl ?? '',
    // Only the endpoint: `srt.passphrase` never leaves this module.
    srtEndpoint: c.srt?.endpoint ?? '',
  };
}

// GetChannel needs the full ARN, URLs carry the short id: the account id is learned from any
// channel ARN IVS hands us and kept per region (one ListChannels call at most, on a cold start).
const accounts = new Map<string, string>();

export function rememberAccount(region: string, arn: string | undefined): void {
  const account = parseArn(arn)?.account;
  if (account) accounts.set(region, account);
}

/** The full ARN for a channel id in this region, or null when the account has no channels at all. */
export async function channelArn(region: string, id: string): Promise<string | null> {
  if (!accounts.has(region)) {
    const page = await ivsClient(region).send(new ListChannelsCommand({ maxResults: 1 }));
    rememberAccount(region, page.channels?.[0]?.arn);
  }
  const account = accounts.get(region);
  return account ? `arn:aws:ivs:${region}:${account}:channel/${id}` : null;
}

export interface ChannelListFilter {
  kind: ListFilterKind;
  value: string;
}

export interface ChannelPage {
  channels: ChannelSummaryDto[];
  nextToken: string | null;
}

/** One ListChannels page (100 rows) with at most one server-side filter, as IVS allows. */
export async function listChannelsPage(
  region: string,
  opts: { nextToken?: string; filter?: ChannelListFilter } = {},
): Promise<ChannelPage> {
  const input: ListChannelsCommandInput = { maxResults: 100, nextToken: opts.nextToken || undefined };
  const f = opts.filter;
  if (f?.value) {
    if (f.kind === 'name') input.filterByName = f.value;
    if (f.kind === 'recording') input.filterByRecordingConfigurationArn = f.value;
    if (f.kind === 'policy') input.filterByPlaybackRestrictionPolicyArn = f.value;
    if (f.kind === 'ads') input.filterByAdConfigurationArn = f.value;
  }
  const page = await ivsClient(region).send(new ListChannelsCommand(input));
  const channels = (page.channels ?? []).map(toSummaryDto);
  if (channels[0]) rememberAccount(region, channels[0].arn);
  return { channels, nextToken: page.nextToken || null };
}

/**
 * The same page, shared by every viewer of the region for a few seconds (lib/ivs/read-cache.ts): the
 * channel list page reads this. Exports and the tag filter read listChannelsPage, fresh.
 */
export function sharedChannelsPage(region: string, opts: { nextToken?: string; filter?: ChannelListFilter } = {}): Promise<ChannelPage> {
  const key = JSON.stringify(['ListChannels', opts.filter?.value ? opts.filter : null, opts.nextToken || null]);
  return sharedRead(region, key, () => listChannelsPage(region, opts));
}

/** The channel, or null when IVS says it does not exist. */
export async function getChannel(region: string, id: string): Promise<ChannelDto | null> {
  const arn = await channelArn(region, id);
  if (!arn) return null;
  try {
    const { channel } = await ivsClient(region).send(new GetChannelCommand({ arn }));
    return channel ? toChannelDto(channel) : null;
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

// Form settings -> the IVS request. Everything is sent explicitly so an update never silently
// resets a field IVS defaults (authorized, insecureIngest).
function toRequest(s: ChannelSettingsInput) {
  return {
    name: s.name,
    type: s.type,
    latencyMode: s.latencyMode,
    authorized: s.authorized,
    insecureIngest: s.insecureIngest,
    preset: s.preset || undefined,
    recordingConfigurationArn: s.recordingConfigurationArn,
    playbackRestrictionPolicyArn: s.playbackRestrictionPolicyArn,
    adConfigurationArn: s.adConfigurationArn,
    containerFormat: s.containerFormat,
    multitrackInputConfiguration: s.multitrackEnabled
      ? { enabled: true, policy: s.multitrackPolicy, maximumResolution: s.multitrackMaximumResolution }
      : { enabled: false },
  };
}

/**
 * Creates the channel (IVS also creates its stream key; the key value is dropped here). With a
 * request id the channel carries it as a tag, and a create whose answer was lost is found and adopted
 * rather than made twice (lib/ivs/create-adopting.ts). A channel with the full 50 tags of its own
 * has no room for it: then a lost answer is reported, not retried.
 */
export async function createChannel(region: string, input: CreateChannelInput, requestId?: string): Promise<{ arn: string; id: string }> {
  const tags: Record<string, string> = Object.fromEntries(input.tags.map((t) => [t.key, t.value]));
  const marked = !!requestId && input.tags.length < MAX_TAGS;
  if (marked) tags[REQUEST_TAG] = requestId;
  const created = (arn: string) => {
    rememberAccount(region, arn);
    return { arn, id: channelIdFromArn(arn) };
  };
  const command = new CreateChannelCommand({ ...toRequest(input), tags: Object.keys(tags).length ? tags : undefined });
  return writeThrough(region, async () => {
    if (!requestId) return created((await ivsClient(region).send(command)).channel?.arn ?? '');
    return createAdopting({
      create: async () => created((await ivsClientNoRetry(region).send(command)).channel?.arn ?? ''),
      find: () => channelCreatedBy(region, input, requestId),
      attempts: marked ? 3 : 1,
    });
  });
}

/** The channel a create request made, if IVS made it (found by the request's tag). */
export async function channelCreatedBy(
  region: string,
  input: CreateChannelInput,
  requestId: string,
): Promise<{ arn: string; id: string } | undefined> {
  if (input.tags.length >= MAX_TAGS) return undefined; // created without the tag: it cannot be told apart
  const arn = await channelWithRequestTag(region, input.name, requestId);
  if (!arn) return undefined;
  rememberAccount(region, arn);
  return { arn, id: channelIdFromArn(arn) };
}

/** The channel a create request made, by its request tag (and name, which IVS can filter on). */
async function channelWithRequestTag(region: string, name: string, requestId: string): Promise<string | undefined> {
  const pages = pagesOf((nextToken) =>
    ivsClient(region).send(new ListChannelsCommand({ filterByName: name || undefined, maxResults: PAGE_SIZE, nextToken })),
  );
  const { items } = await readAllPages(pages, (page) => page.channels);
  return items.find((c) => c.tags?.[REQUEST_TAG] === requestId)?.arn;
}

export async function updateChannel(region: string, arn: string, settings: ChannelSettingsInput): Promise<ChannelDto> {
  const { channel } = await writeThrough(region, () => ivsClient(region).send(new UpdateChannelCommand({ arn, ...toRequest(settings) })));
  return toChannelDto(channel ?? {});
}

export async function deleteChannel(region: string, arn: string): Promise<void> {
  await writeThrough(region, () => ivsClient(region).send(new DeleteChannelCommand({ arn })));
}

/** Channels by ARN, up to 50 per BatchGetChannel call (for /live, where only live ARNs are known). */
export async function batchGetChannels(region: string, arns: string[]): Promise<Map<string, ChannelDto>> {
  const out = new Map<string, ChannelDto>();
  for (let i = 0; i < arns.length; i += 50) {
    const { channels } = await ivsClient(region).send(new BatchGetChannelCommand({ arns: arns.slice(i, i + 50) }));
    for (const c of channels ?? []) if (c.arn) out.set(c.arn, toChannelDto(c));
  }
  return out;
}

/** The same, shared by every viewer of the region for a few seconds (lib/ivs/read-cache.ts): /live reads this. */
export function sharedBatchGetChannels(region: string, arns: string[]): Promise<Map<string, ChannelDto>> {
  return sharedRead(region, JSON.stringify(['BatchGetChannel', [...arns].sort()]), () => batchGetChannels(region, arns));
}
