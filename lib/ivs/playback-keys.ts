import 'server-only';
import {
  DeletePlaybackKeyPairCommand,
  GetPlaybackKeyPairCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  type PlaybackKeyPairSummary,
} from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { isIvsError } from '@/lib/ivs/errors';
import { resourceIdFromArn } from '@/lib/ivs/arn';

/** A playback key pair as the console shows it. IVS only ever holds the public half. */
export interface PlaybackKeyPairDto {
  arn: string;
  id: string;
  name: string;
  fingerprint: string;
  tags: Record<string, string>;
}

export const playbackKeyPairId = resourceIdFromArn;

async function listSummaries(region: string): Promise<PlaybackKeyPairSummary[]> {
  const all: PlaybackKeyPairSummary[] = [];
  let nextToken: string | undefined;
  // The quota is 3 per region, so this is one page in practice; the cap guards a misbehaving endpoint.
  for (let page = 0; page < 20; page++) {
    const res = await ivsClient(region).send(new ListPlaybackKeyPairsCommand({ maxResults: 100, nextToken }));
    all.push(...(res.keyPairs ?? []));
    nextToken = res.nextToken || undefined;
    if (!nextToken) break;
  }
  return all;
}

async function getByArn(region: string, arn: string): Promise<PlaybackKeyPairDto | null> {
  try {
    const { keyPair } = await ivsClient(region).send(new GetPlaybackKeyPairCommand({ arn }));
    if (!keyPair?.arn) return null;
    return { arn: keyPair.arn, id: playbackKeyPairId(keyPair.arn), name: keyPair.name ?? '', fingerprint: keyPair.fingerprint ?? '', tags: keyPair.tags ?? {} };
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

/** Every key pair in the region with its fingerprint (ListPlaybackKeyPairs omits it, so each is read). */
export async function listPlaybackKeyPairs(region: string): Promise<PlaybackKeyPairDto[]> {
  const summaries = await listSummaries(region);
  const pairs = await Promise.all(summaries.map((s) => getByArn(region, s.arn ?? '')));
  return pairs.filter((p): p is PlaybackKeyPairDto => p !== null).sort((a, b) => a.name.localeCompare(b.name) || a.arn.localeCompare(b.arn));
}

/** The key pair with this id (last ARN segment), or null. */
export async function getPlaybackKeyPair(region: string, id: string): Promise<PlaybackKeyPairDto | null> {
  const summary = (await listSummaries(region)).find((s) => s.arn && playbackKeyPairId(s.arn) === id);
  return summary?.arn ? getByArn(region, summary.arn) : null;
}

export async function countPlaybackKeyPairs(region: string): Promise<number> {
  return (await listSummaries(region)).length;
}

/** Imports a public key (canonical SPKI PEM, already checked by the caller). */
export async function importPlaybackKeyPair(
  region: string,
  input: { publicKeyPem: string; name: string; tags: Record<string, string> },
): Promise<PlaybackKeyPairDto> {
  const { keyPair } = await ivsClient(region).send(
    new ImportPlaybackKeyPairCommand({
      publicKeyMaterial: input.publicKeyPem,
      name: input.name || undefined,
      tags: Object.keys(input.tags).length ? input.tags : undefined,
    }),
  );
  const arn = keyPair?.arn ?? '';
  return { arn, id: playbackKeyPairId(arn), name: keyPair?.name ?? '', fingerprint: keyPair?.fingerprint ?? '', tags: keyPair?.tags ?? {} };
}

export async function deletePlaybackKeyPair(region: string, arn: string): Promise<void> {
  await ivsClient(region).send(new DeletePlaybackKeyPairCommand({ arn }));
}
