import type { CreatePlaybackRestrictionPolicyRequest, UpdatePlaybackRestrictionPolicyRequest } from '@aws-sdk/client-ivs';
import { conflict, quotaExceeded, validation } from '../errors';
import { QUOTA } from '../service-quotas/catalogue';
import { makeArn } from '../ids';
import { project } from '../model';
import type { PolicyRec } from '../records';
import { mustGet, type HandlerTable } from './context';
import { ISO_COUNTRIES } from './countries';
import { paginate } from './paging';
import { checkNewTags } from './tag-rules';

export const POLICIES_PER_REGION = 20;

export function checkCountries(codes: string[] | undefined): string[] {
  for (const code of codes ?? []) {
    if (!ISO_COUNTRIES.has(code)) throw validation(`allowedCountries: '${code}' is not an ISO 3166-1 alpha-2 country code.`);
  }
  return [...new Set(codes ?? [])];
}

// Allowed origins are values of the Origin header: scheme://host[:port], nothing more.
export function checkOrigins(origins: string[] | undefined): string[] {
  for (const origin of origins ?? []) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw validation(`allowedOrigins: '${origin}' is not a valid origin (expected scheme://host[:port], e.g. https://example.com).`);
    }
  }
  return [...new Set(origins ?? [])];
}

export const restrictionPolicyOps: HandlerTable = {
  CreatePlaybackRestrictionPolicy(ctx, input: CreatePlaybackRestrictionPolicyRequest) {
    const allowedCountries = checkCountries(input.allowedCountries);
    const allowedOrigins = checkOrigins(input.allowedOrigins);
    const max = ctx.limit?.(QUOTA.restrictionPolicies) ?? POLICIES_PER_REGION;
    if (ctx.state.policies.size >= max) {
      throw quotaExceeded(`You can create at most ${max} playback restriction policies per region.`);
    }
    const policy: PolicyRec = {
      arn: makeArn(ctx.region, ctx.accountId, 'playback-restriction-policy'),
      name: input.name ?? '',
      allowedCountries,
      allowedOrigins,
      enableStrictOriginEnforcement: input.enableStrictOriginEnforcement ?? false,
      tags: checkNewTags({}, input.tags),
    };
    ctx.state.policies.set(policy);
    ctx.store.changed();
    return { playbackRestrictionPolicy: project(policy, 'PlaybackRestrictionPolicy') };
  },

  GetPlaybackRestrictionPolicy(ctx, input: { arn: string }) {
    return { playbackRestrictionPolicy: project(mustGet(ctx.state.policies, input.arn), 'PlaybackRestrictionPolicy') };
  },

  ListPlaybackRestrictionPolicies(ctx, input: { nextToken?: string; maxResults?: number }) {
    const page = paginate(ctx.state.policies.list(), 'ListPlaybackRestrictionPolicies', input, 1);
    return {
      playbackRestrictionPolicies: page.items.map((p) => project(p, 'PlaybackRestrictionPolicySummary')),
      nextToken: page.nextToken,
    };
  },

  UpdatePlaybackRestrictionPolicy(ctx, input: UpdatePlaybackRestrictionPolicyRequest) {
    const policy = mustGet(ctx.state.policies, input.arn!);
    const next = { ...policy };
    if (input.allowedCountries !== undefined) next.allowedCountries = checkCountries(input.allowedCountries);
    if (input.allowedOrigins !== undefined) next.allowedOrigins = checkOrigins(input.allowedOrigins);
    if (input.enableStrictOriginEnforcement !== undefined) next.enableStrictOriginEnforcement = input.enableStrictOriginEnforcement;
    if (input.name !== undefined) next.name = input.name;
    Object.assign(policy, next);
    ctx.store.changed();
    return { playbackRestrictionPolicy: project(policy, 'PlaybackRestrictionPolicy') };
  },

  DeletePlaybackRestrictionPolicy(ctx, input: { arn: string }) {
    mustGet(ctx.state.policies, input.arn);
    const user = ctx.state.channels.list().find((c) => c.playbackRestrictionPolicyArn === input.arn);
    if (user) throw conflict(`Playback restriction policy ${input.arn} is used by channel ${user.arn}.`);
    ctx.state.policies.delete(input.arn);
    ctx.store.changed();
  },
};
