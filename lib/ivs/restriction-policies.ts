import 'server-only';
import {
  CreatePlaybackRestrictionPolicyCommand,
  DeletePlaybackRestrictionPolicyCommand,
  GetPlaybackRestrictionPolicyCommand,
  ListPlaybackRestrictionPoliciesCommand,
  UpdatePlaybackRestrictionPolicyCommand,
  type PlaybackRestrictionPolicySummary,
} from '@aws-sdk/client-ivs';
import { ivsClient, ivsClientNoRetry } from '@/lib/ivs/client';
import { createAdopting, createTags, madeBy } from '@/lib/ivs/create-adopting';
import { isIvsError } from '@/lib/ivs/errors';
import { PAGE_SIZE, pagesOf, readAllPages, wholeListing } from '@/lib/ivs/list-all';
import { channelCount, listChannelsUsing } from '@/lib/ivs/channel-references';
import type { CreateRestrictionPolicyInput, UpdateRestrictionPolicyInput } from '@/lib/ivs/schemas/restriction-policy';
import { resourceIdFromArn } from '@/lib/ivs/arn';

/** What lists, detail pages and the channel form's picker need about a playback restriction policy. */
export interface RestrictionPolicyDto {
  arn: string;
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 codes; empty means every country. */
  allowedCountries: string[];
  /** http(s) origins; empty means every origin. */
  allowedOrigins: string[];
  enableStrictOriginEnforcement: boolean;
  tags: Record<string, string>;
}

/** The id shown in URLs is the last ARN segment (arn:aws:ivs:…:playback-restriction-policy/<id>). */
export const restrictionPolicyId = resourceIdFromArn;

export function toRestrictionPolicyDto(p: PlaybackRestrictionPolicySummary): RestrictionPolicyDto {
  const arn = p.arn ?? '';
  return {
    arn,
    id: restrictionPolicyId(arn),
    name: p.name ?? '',
    allowedCountries: p.allowedCountries ?? [],
    allowedOrigins: p.allowedOrigins ?? [],
    enableStrictOriginEnforcement: p.enableStrictOriginEnforcement ?? false,
    tags: p.tags ?? {},
  };
}

/** Every playback restriction policy in the region, all pages (IVS's default page size is 1). */
export async function listAllRestrictionPolicies(region: string): Promise<RestrictionPolicyDto[]> {
  const pages = pagesOf((nextToken) =>
    ivsClient(region).send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: PAGE_SIZE, nextToken })),
  );
  const all = wholeListing(await readAllPages(pages, (p) => p.playbackRestrictionPolicies), 'restriction policies');
  return all.map(toRestrictionPolicyDto);
}

export async function getRestrictionPolicy(region: string, arn: string): Promise<RestrictionPolicyDto | null> {
  try {
    const res = await ivsClient(region).send(new GetPlaybackRestrictionPolicyCommand({ arn }));
    return res.playbackRestrictionPolicy ? toRestrictionPolicyDto(res.playbackRestrictionPolicy) : null;
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

/** URLs carry only the id; the ARN also needs the account, so find it among the region's policies. */
export async function findRestrictionPolicy(region: string, id: string): Promise<RestrictionPolicyDto | null> {
  const match = (await listAllRestrictionPolicies(region)).find((p) => p.id === id);
  return match ? getRestrictionPolicy(region, match.arn) : null;
}

export function channelsUsingPolicy(region: string, arn: string) {
  return listChannelsUsing(region, { filterByPlaybackRestrictionPolicyArn: arn });
}

/** How many channels use each policy: one filtered ListChannels per policy, in parallel. */
export async function countChannelsByRestrictionPolicy(region: string, arns: string[]): Promise<Record<string, string>> {
  const counts = await Promise.all(arns.map(async (arn) => [arn, channelCount(await channelsUsingPolicy(region, arn))] as const));
  return Object.fromEntries(counts);
}

/**
 * Creates the policy. With a request id it carries the id as a tag, and a create whose answer was lost
 * is found and adopted rather than made twice (lib/ivs/create-adopting.ts).
 */
export async function createRestrictionPolicy(
  region: string,
  input: CreateRestrictionPolicyInput,
  requestId?: string,
): Promise<RestrictionPolicyDto> {
  const { tags, marked } = createTags(input.tags, requestId);
  const command = new CreatePlaybackRestrictionPolicyCommand({
    name: input.name || undefined,
    allowedCountries: input.allowedCountries,
    allowedOrigins: input.allowedOrigins,
    enableStrictOriginEnforcement: input.enableStrictOriginEnforcement,
    tags,
  });
  if (!requestId) return toRestrictionPolicyDto((await ivsClient(region).send(command)).playbackRestrictionPolicy!);
  return createAdopting({
    create: async () => toRestrictionPolicyDto((await ivsClientNoRetry(region).send(command)).playbackRestrictionPolicy!),
    find: () => restrictionPolicyCreatedBy(region, input, requestId),
    attempts: marked ? 3 : 1,
  });
}

/** The policy a create request made, if IVS made it (found by the request's tag). */
export async function restrictionPolicyCreatedBy(
  region: string,
  input: CreateRestrictionPolicyInput,
  requestId: string,
): Promise<RestrictionPolicyDto | undefined> {
  if (!createTags(input.tags, requestId).marked) return undefined; // created without the tag: it cannot be told apart
  return madeBy(await listAllRestrictionPolicies(region), requestId);
}

export async function updateRestrictionPolicy(region: string, input: UpdateRestrictionPolicyInput): Promise<RestrictionPolicyDto> {
  const res = await ivsClient(region).send(
    new UpdatePlaybackRestrictionPolicyCommand({
      arn: input.arn,
      name: input.name,
      allowedCountries: input.allowedCountries,
      allowedOrigins: input.allowedOrigins,
      enableStrictOriginEnforcement: input.enableStrictOriginEnforcement,
    }),
  );
  return toRestrictionPolicyDto(res.playbackRestrictionPolicy!);
}

export async function deleteRestrictionPolicy(region: string, arn: string): Promise<void> {
  await ivsClient(region).send(new DeletePlaybackRestrictionPolicyCommand({ arn }));
}
