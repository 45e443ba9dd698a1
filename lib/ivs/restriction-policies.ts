import 'server-only';
import {
  ListPlaybackRestrictionPoliciesCommand,
  type PlaybackRestrictionPolicySummary,
} from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';

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
export function restrictionPolicyId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

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
  const ivs = ivsClient(region);
  const all: RestrictionPolicyDto[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ivs.send(new ListPlaybackRestrictionPoliciesCommand({ maxResults: 100, nextToken }));
    all.push(...(page.playbackRestrictionPolicies ?? []).map(toRestrictionPolicyDto));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return all;
}
