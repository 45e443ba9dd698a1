import 'server-only';
import {
  BatchGetChannelCommand,
  GetPlaybackRestrictionPolicyCommand,
  GetPlaybackKeyPairCommand,
  GetRecordingConfigurationCommand,
  ListPlaybackKeyPairsCommand,
  type Channel,
  type PlaybackKeyPair,
  type PlaybackRestrictionPolicy,
  type RecordingConfiguration,
} from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { isIvsError } from '@/lib/ivs/errors';
import { PAGE_SIZE, pagesOf, readAllPages } from '@/lib/ivs/list-all';

export type { Channel, PlaybackKeyPair, PlaybackRestrictionPolicy, RecordingConfiguration };

/**
 * What an export describes: channels and everything they reference, as IVS's Get* calls answered.
 * Never a stream key or SRT passphrase: the channel's Get answer carries neither.
 */
export interface Inventory {
  region: string;
  channels: Channel[];
  recordingConfigurations: RecordingConfiguration[];
  restrictionPolicies: PlaybackRestrictionPolicy[];
  /** Ad configurations the channels use: neither CloudFormation nor Terraform has a resource for them yet. */
  adConfigurationArns: string[];
  /**
   * The region's playback key pairs when any channel is private (their viewer tokens are checked
   * against every key pair of the region), with fingerprints. IVS never returns the public key itself.
   */
  playbackKeyPairs: PlaybackKeyPair[];
}

/** The ARNs the channels reference, each once. */
function referencedArns(channels: Channel[]) {
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return {
    recordingConfigurations: unique(channels.map((c) => c.recordingConfigurationArn)),
    restrictionPolicies: unique(channels.map((c) => c.playbackRestrictionPolicyArn)),
    adConfigurations: unique(channels.map((c) => c.adConfigurationArn)),
  };
}

const ignoreNotFound = (error: unknown) => {
  if (isIvsError(error, 'ResourceNotFoundException')) return undefined;
  throw error;
};

/**
 * Reads the channels (50 per BatchGetChannel) and what they reference, one Get each, and, when a
 * channel is private, the region's playback key pairs (one listing, one Get each for the fingerprint).
 * `alsoArns` adds recording configurations, restriction policies and key pairs no channel references
 * (a compare with a file that names them). One that IVS no longer has is left out.
 */
export async function readInventory(region: string, channelArns: string[], alsoArns: string[] = []): Promise<Inventory> {
  const ivs = ivsClient(region);
  const channels = [];
  for (let i = 0; i < channelArns.length; i += 50) {
    const out = await ivs.send(new BatchGetChannelCommand({ arns: channelArns.slice(i, i + 50) }));
    channels.push(...(out.channels ?? []));
  }
  const refs = referencedArns(channels);
  const kind = (arn: string) => arn.split(':')[5]?.split('/')[0];
  refs.recordingConfigurations = [
    ...new Set([...refs.recordingConfigurations, ...alsoArns.filter((a) => kind(a) === 'recording-configuration')]),
  ];
  refs.restrictionPolicies = [
    ...new Set([...refs.restrictionPolicies, ...alsoArns.filter((a) => kind(a) === 'playback-restriction-policy')]),
  ];
  const recordingConfigurations = [];
  for (const arn of refs.recordingConfigurations) {
    const out = await ivs.send(new GetRecordingConfigurationCommand({ arn })).catch(ignoreNotFound);
    if (out?.recordingConfiguration) recordingConfigurations.push(out.recordingConfiguration);
  }
  const restrictionPolicies = [];
  for (const arn of refs.restrictionPolicies) {
    const out = await ivs.send(new GetPlaybackRestrictionPolicyCommand({ arn })).catch(ignoreNotFound);
    if (out?.playbackRestrictionPolicy) restrictionPolicies.push(out.playbackRestrictionPolicy);
  }
  const keyPairArns = new Set(alsoArns.filter((a) => kind(a) === 'playback-key'));
  if (channels.some((c) => c.authorized)) for (const arn of await keyPairArnsOf(region)) keyPairArns.add(arn);
  const playbackKeyPairs = [];
  for (const arn of [...keyPairArns].sort()) {
    const out = await ivs.send(new GetPlaybackKeyPairCommand({ arn })).catch(ignoreNotFound);
    if (out?.keyPair) playbackKeyPairs.push(out.keyPair);
  }
  return { region, channels, recordingConfigurations, restrictionPolicies, adConfigurationArns: refs.adConfigurations, playbackKeyPairs };
}

async function keyPairArnsOf(region: string): Promise<string[]> {
  const pages = pagesOf((nextToken) => ivsClient(region).send(new ListPlaybackKeyPairsCommand({ maxResults: PAGE_SIZE, nextToken })));
  return (await readAllPages(pages, (page) => page.keyPairs)).items.map((k) => k.arn ?? '').filter(Boolean);
}
