import { foreignArnMessage, type ArnScope } from '@/lib/ivs/arn';
import { arnSchema } from '@/lib/ivs/schemas/arn';
import { channelNameSchema } from '@/lib/ivs/schemas/channel';
import { tagKeySchema, tagValueSchema } from '@/lib/ivs/schemas/tags';
import type { IvsFilterKind } from '@/lib/channel-list/filter';

// The channel list's URL is user input like any form: its IVS filter and paging token are checked
// against the model's constraints (and the ARNs against the console's region and account) before
// ListChannels sees them, so a bad link shows a message instead of IVS's ValidationException or a
// crash. Client-safe and pure: the list page and the export route share it.

/** PaginationToken in the model: 0..1024 of [a-zA-Z0-9+/=_-]. */
export const PAGE_TOKEN = /^[a-zA-Z0-9+/=_-]{0,1024}$/;

const FILTER_SCHEMAS = {
  name: channelNameSchema,
  recording: arnSchema('recording-configuration', { message: 'Not a recording configuration ARN. Choose one from the list.' }),
  policy: arnSchema('playback-restriction-policy', { message: 'Not a restriction policy ARN. Choose one from the list.' }),
  ads: arnSchema('ad-configuration', { message: 'Not an ad configuration ARN. Choose one from the list.' }),
} as const;

export interface ChannelQueryProblems {
  /** About the IVS filter's value (shown beside it). */
  filter?: string;
  tagKey?: string;
  tagValue?: string;
  /** About the paging token (the page or one before it). */
  token?: string;
}

export interface CheckedChannelQuery {
  ivs?: { kind: IvsFilterKind; value: string };
  tagKey: string;
  tagValue: string;
  token: string;
  prev?: string[];
}

/** What is wrong with the list's query (empty when nothing is); `scope` holds ARNs to a region and account. */
export function channelQueryProblems(q: CheckedChannelQuery, scope?: ArnScope): ChannelQueryProblems {
  const problems: ChannelQueryProblems = {};
  if (q.ivs) {
    const parsed = FILTER_SCHEMAS[q.ivs.kind].safeParse(q.ivs.value);
    const foreign = q.ivs.kind === 'name' ? null : foreignArnMessage(q.ivs.value, scope);
    if (!parsed.success) problems.filter = parsed.error.issues[0]?.message;
    else if (foreign) problems.filter = foreign;
  }
  if (q.tagKey) {
    const key = tagKeySchema.safeParse(q.tagKey);
    if (!key.success) problems.tagKey = key.error.issues[0]?.message;
    const value = tagValueSchema.safeParse(q.tagValue);
    if (!value.success) problems.tagValue = value.error.issues[0]?.message;
  }
  if (![q.token, ...(q.prev ?? [])].every((t) => PAGE_TOKEN.test(t))) {
    problems.token = 'This page link is not valid (its page token is not one IVS issued). Start again from the first page.';
  }
  return problems;
}

export const hasProblems = (p: ChannelQueryProblems) => Object.values(p).some(Boolean);
