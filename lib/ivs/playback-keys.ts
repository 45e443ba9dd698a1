import 'server-only';
import {
  DeletePlaybackKeyPairCommand,
  GetPlaybackKeyPairCommand,
  ImportPlaybackKeyPairCommand,
  ListPlaybackKeyPairsCommand,
  type PlaybackKeyPairSummary,
} from '@aws-sdk/client-ivs';
import { ivsClient, ivsClientNoRetry } from '@/lib/ivs/client';
import { createAdopting, createTags, madeBy } from '@/lib/ivs/create-adopting';
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

function toDto(
  keyPair: { arn?: string; name?: string; fingerprint?: string; tags?: Record<string, string> } | undefined,
): PlaybackKeyPairDto {
  const arn = keyPair?.arn ?? '';
  return { arn, id: playbackKeyPairId(arn), name: keyPair?.name ?? '', fingerprint: keyPair?.fingerprint ?? '', tags: keyPair?.tags ?? {} };
}

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
    return keyPair?.arn ? toDto(keyPair) : null;
  } catch (error) {
    if (isIvsError(error, 'ResourceNotFoundException')) return null;
    throw error;
  }
}

/** Every key pair in the region with its fingerprint (ListPlaybackKeyPairs omits it, so each is read). */
export async function listPlaybackKeyPairs(region: string): Promise<PlaybackKeyPairDto[]> {
  const summaries = await listSummaries(region);
  const pairs = await Promise.all(summaries.map((s) => getByArn(region, s.arn ?? '')));
  return pairs
    .filter((p): p is PlaybackKeyPairDto => p !== null)
    .sort((a, b) => a.name.localeCompare(b.name) || a.arn.localeCompare(b.arn));
}

/** The key pair with this id (last ARN segment), or null. */
export async function getPlaybackKeyPair(region: string, id: string): Promise<PlaybackKeyPairDto | null> {
  const summary = (await listSummaries(region)).find((s) => s.arn && playbackKeyPairId(s.arn) === id);
  return summary?.arn ? getByArn(region, summary.arn) : null;
}

/** Every key pair's ARN, name and tags, from ListPlaybackKeyPairs alone (no GetPlaybackKeyPair per pair): the overview and find-anywhere need no fingerprint. */
export async function listPlaybackKeyPairSummaries(region: string): Promise<Omit<PlaybackKeyPairDto, 'fingerprint'>[]> {
  return (await listSummaries(region)).map((s) => {
    const arn = s.arn ?? '';
    return { arn, id: playbackKeyPairId(arn), name: s.name ?? '', tags: s.tags ?? {} };
  });
}

export async function countPlaybackKeyPairs(region: string): Promise<number> {
  return (await listSummaries(region)).length;
}

export interface ImportKeyPairInput {
  publicKeyPem: string;
  name: string;
  tags: Array<{ key: string; value: string }>;
}

/**
 * Imports a public key (canonical SPKI PEM, already checked by the caller). With a request id the
 * pair carries it as a tag: an import IVS applied but whose answer was lost (a 500, a dropped
 * connection) is found and reported as done, and so is one whose repeat IVS refuses as already
 * imported (ConflictException), instead of that refusal.
 */
export async function importPlaybackKeyPair(region: string, input: ImportKeyPairInput, requestId?: string): Promise<PlaybackKeyPairDto> {
  const { tags, marked } = createTags(input.tags, requestId);
  const command = new ImportPlaybackKeyPairCommand({ publicKeyMaterial: input.publicKeyPem, name: input.name || undefined, tags });
  if (!requestId) return toDto((await ivsClient(region).send(command)).keyPair);
  const find = () => keyPairImportedBy(region, input, requestId);
  return createAdopting({
    create: async () => {
      try {
        return toDto((await ivsClientNoRetry(region).send(command)).keyPair);
      } catch (error) {
        // The same key is already there: if this request put it there, the import is done.
        if (isIvsError(error, 'ConflictException')) {
          const mine = await find();
          if (mine) return mine;
        }
        throw error;
      }
    },
    find,
    attempts: marked ? 3 : 1,
  });
}

/** The key pair an import request made, if IVS made it (found by the request's tag). */
export async function keyPairImportedBy(
  region: string,
  input: ImportKeyPairInput,
  requestId: string,
): Promise<PlaybackKeyPairDto | undefined> {
  if (!createTags(input.tags, requestId).marked) return undefined; // imported without the tag: it cannot be told apart
  const summary = madeBy(await listSummaries(region), requestId);
  return summary?.arn ? ((await getByArn(region, summary.arn)) ?? undefined) : undefined;
}

export async function deletePlaybackKeyPair(region: string, arn: string): Promise<void> {
  await ivsClient(region).send(new DeletePlaybackKeyPairCommand({ arn }));
}
