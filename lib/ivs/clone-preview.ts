import 'server-only';
import { ListChannelsCommand } from '@aws-sdk/client-ivs';
import { readCloneSource, type CloneableKind } from '@/lib/ivs/clone';
import { ivsClient } from '@/lib/ivs/client';
import { readInventory } from '@/lib/ivs/inventory';
import { PAGE_SIZE, pagesOf, readAllPages } from '@/lib/ivs/list-all';
import { countPlaybackKeyPairs } from '@/lib/ivs/playback-keys';

/** One resource a clone will make, as the preview lists it. */
export interface ClonePreviewItem {
  arn: string;
  kind: CloneableKind;
  name: string;
  /** A recording configuration's bucket in the source region (the target needs one of its own). */
  sourceBucket?: string;
  /** An ad configuration's MediaTailor playback configurations in the source region (the target needs its own). */
  playbackConfigurationArns?: string[];
  /** How many of the selected channels use it (references only). */
  usedBy?: number;
}

/** What cloning these channels into the target region will create, and what the operator should know first. */
export interface ClonePreview {
  sourceRegion: string;
  targetRegion: string;
  /** Made first: the channels' copies point at these copies. */
  references: ClonePreviewItem[];
  channels: ClonePreviewItem[];
  /** Selected channels IVS no longer has. */
  missing: number;
  warnings: string[];
}

const list = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', '));

/**
 * Reads the channels and everything they reference (readInventory: 50 channels per call, one Get per
 * reference, one per ad configuration), then two listings of the target region: its channel names
 * (copies are made even where a name is taken; IVS names need not be unique, but the operator should
 * know) and its playback key pairs (private channels need one there).
 */
export async function previewClone(sourceRegion: string, targetRegion: string, channelArns: string[]): Promise<ClonePreview> {
  const inventory = await readInventory(sourceRegion, channelArns);
  const ads = (await Promise.all(inventory.adConfigurationArns.map((arn) => readCloneSource(sourceRegion, arn)))).filter((a) => !!a);
  const usedBy = (field: 'recordingConfigurationArn' | 'playbackRestrictionPolicyArn' | 'adConfigurationArn', arn: string) =>
    inventory.channels.filter((c) => c[field] === arn).length;
  const references: ClonePreviewItem[] = [
    ...inventory.recordingConfigurations.map((c) => ({
      arn: c.arn ?? '',
      kind: 'recording-configuration' as const,
      name: c.name ?? '',
      sourceBucket: c.destinationConfiguration?.s3?.bucketName ?? '',
      usedBy: usedBy('recordingConfigurationArn', c.arn ?? ''),
    })),
    ...inventory.restrictionPolicies.map((p) => ({
      arn: p.arn ?? '',
      kind: 'playback-restriction-policy' as const,
      name: p.name ?? '',
      usedBy: usedBy('playbackRestrictionPolicyArn', p.arn ?? ''),
    })),
    ...ads.map((a) => ({
      arn: a.arn,
      kind: 'ad-configuration' as const,
      name: a.name,
      playbackConfigurationArns:
        a.kind === 'ad-configuration'
          ? (a.configuration.mediaTailorPlaybackConfigurations ?? []).map((p) => p.playbackConfigurationArn ?? '')
          : [],
      usedBy: usedBy('adConfigurationArn', a.arn),
    })),
  ];
  const channels = inventory.channels.map((c) => ({ arn: c.arn ?? '', kind: 'channel' as const, name: c.name ?? '' }));

  const [targetNames, keyPairs] = await Promise.all([channelNames(targetRegion), countPlaybackKeyPairs(targetRegion)]);
  const warnings: string[] = [];
  const taken = [...new Set(channels.map((c) => c.name).filter((n) => n && targetNames.has(n)))];
  if (taken.length)
    warnings.push(`${targetRegion} already has channels named ${list(taken)}. The copies are made anyway, with the same names.`);
  const privateCount = inventory.channels.filter((c) => c.authorized).length;
  if (privateCount && !keyPairs)
    warnings.push(
      `${privateCount} private channel${privateCount === 1 ? '' : 's'}: ${targetRegion} has no playback key pair, so no viewer token will play there. ` +
        'IVS never gives out a public key, so import yours on its Playback keys page.',
    );
  return { sourceRegion, targetRegion, references, channels, missing: channelArns.length - channels.length, warnings };
}

/** Every channel name in the region (one ListChannels pass). */
async function channelNames(region: string): Promise<Set<string>> {
  const pages = pagesOf((nextToken) => ivsClient(region).send(new ListChannelsCommand({ maxResults: PAGE_SIZE, nextToken })));
  const { items } = await readAllPages(pages, (page) => page.channels);
  return new Set(items.map((c) => c.name ?? '').filter(Boolean));
}
