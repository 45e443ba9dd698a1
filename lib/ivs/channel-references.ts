import 'server-only';
import { GetChannelCommand, ListChannelsCommand, UpdateChannelCommand, type ListChannelsCommandInput } from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { isIvsError } from '@/lib/ivs/errors';
import { PAGE_SIZE, pagesOf, readAllPages, type Listing } from '@/lib/ivs/list-all';
import { resourceIdFromArn } from '@/lib/ivs/arn';
import { writeThrough } from '@/lib/ivs/read-cache';

// Channels that reference a recording configuration or a playback restriction policy: both
// resources list, count, detach and refuse deletion the same way, so neither resource module owns it.

/** A channel that references a configuration or policy, enough to name it and link to it. */
export interface ChannelRef {
  arn: string;
  id: string;
  name: string;
}

export type ChannelFilter = Pick<
  ListChannelsCommandInput,
  'filterByRecordingConfigurationArn' | 'filterByPlaybackRestrictionPolicyArn' | 'filterByAdConfigurationArn'
>;

/**
 * Every channel matching one ListChannels filter, all pages (IVS allows one filter per call), with
 * `truncated` when the page cap stopped it: an account can hold more channels than the cap.
 */
export async function listChannelsUsing(region: string, filter: ChannelFilter): Promise<Listing<ChannelRef>> {
  const pages = pagesOf((nextToken) => ivsClient(region).send(new ListChannelsCommand({ ...filter, maxResults: PAGE_SIZE, nextToken })));
  const { items, truncated } = await readAllPages(pages, (p) => p.channels);
  const channels = items.map((c) => {
    const arn = c.arn ?? '';
    return { arn, id: resourceIdFromArn(arn), name: c.name ?? '' };
  });
  return { items: channels, truncated };
}

export type DetachField = 'recordingConfigurationArn' | 'playbackRestrictionPolicyArn' | 'adConfigurationArn';
export type DetachOutcome = 'detached' | 'already-detached' | 'live';

/**
 * Clears one reference on a channel (sets it to "", as IVS documents) after re-reading the channel, so a
 * channel someone already moved elsewhere is left alone. IVS refuses UpdateChannel on a live channel
 * with ConflictException: reported as 'live' so the caller can say "stop its stream first".
 */
export async function detachChannel(
  region: string,
  channelArn: string,
  field: DetachField,
  expectedArn: string,
): Promise<{ name: string; outcome: DetachOutcome }> {
  const ivs = ivsClient(region);
  const channel = (await ivs.send(new GetChannelCommand({ arn: channelArn }))).channel;
  const name = channel?.name || resourceIdFromArn(channelArn);
  if (channel?.[field] !== expectedArn) return { name, outcome: 'already-detached' };
  try {
    await writeThrough(region, () => ivs.send(new UpdateChannelCommand({ arn: channelArn, [field]: '' })));
    return { name, outcome: 'detached' };
  } catch (error) {
    if (isIvsError(error, 'ConflictException')) return { name, outcome: 'live' };
    throw error;
  }
}

/** How many channels a listing found, "5000+" when the page cap cut it. */
export function channelCount({ items, truncated }: Listing<ChannelRef>): string {
  return `${items.length}${truncated ? '+' : ''}`;
}

/** The refusal shown when a configuration or policy still has channels: names them (first ten). */
export function inUseMessage(what: string, { items: channels, truncated }: Listing<ChannelRef>): string {
  const names = channels.slice(0, 10).map((c) => `"${c.name || c.id}"`);
  const more = channels.length > 10 ? ` and ${truncated ? 'at least ' : ''}${channels.length - 10} more` : '';
  const count = channels.length === 1 ? '1 channel' : `${truncated ? 'more than ' : ''}${channels.length} channels`;
  return `This ${what} is used by ${count}: ${names.join(', ')}${more}. Detach ${channels.length === 1 ? 'it' : 'them'} first, then delete.`;
}

export function liveChannelMessage(name: string): string {
  return `Channel "${name}" is live, and IVS cannot change a live channel. Stop its stream first, then try again.`;
}
