import 'server-only';
import {
  CreateStreamKeyCommand,
  DeleteStreamKeyCommand,
  GetChannelCommand,
  GetStreamKeyCommand,
  ListStreamKeysCommand,
  StopStreamCommand,
  type IvsClient,
} from '@aws-sdk/client-ivs';
import { ivsClient } from '@/lib/ivs/client';
import { pacerName, reserveSlot } from '@/lib/ivs/pacer';
import { store } from '@/lib/store';
import { describeIvsError, isIvsError } from '@/lib/ivs/errors';
import type { StreamKeyChange } from '@/lib/ivs/schemas/stream-key';

/** A refusal or failure this module decides (not an IVS error), with a message for the operator. */
export class StreamKeyError extends Error {
  constructor(
    message: string,
    readonly code: 'KeyMismatch' | 'NoSrtPassphrase' | 'NoStreamKey',
  ) {
    super(message);
    this.name = 'StreamKeyError';
  }
}

// Stream key values and SRT passphrases are passwords: nothing here logs them, and only the two
// get* functions below return one (to the audited reveal/copy actions).

/** The channel's stream key, ARN and tags only (ListStreamKeys never returns the value), or null when it has none. */
async function keyOf(ivs: IvsClient, channelArn: string): Promise<{ arn: string; tags: Record<string, string> } | null> {
  const out = await ivs.send(new ListStreamKeysCommand({ channelArn, maxResults: 50 }));
  const key = out.streamKeys?.find((k) => k.arn);
  return key?.arn ? { arn: key.arn, tags: key.tags ?? {} } : null;
}

async function keyArnOf(ivs: IvsClient, channelArn: string): Promise<string | null> {
  return (await keyOf(ivs, channelArn))?.arn ?? null;
}

export function currentStreamKeyArn(region: string, channelArn: string): Promise<string | null> {
  return keyArnOf(ivsClient(region), channelArn);
}

/** The key's value, only when the key still belongs to this channel (the ARN came from the browser). */
export async function getStreamKeyValue(region: string, channelArn: string, streamKeyArn: string): Promise<string> {
  const out = await ivsClient(region).send(new GetStreamKeyCommand({ arn: streamKeyArn }));
  if (out.streamKey?.channelArn !== channelArn || !out.streamKey.value) {
    throw new StreamKeyError('This stream key does not belong to this channel. Reload the page.', 'KeyMismatch');
  }
  return out.streamKey.value;
}

export async function getSrtPassphrase(region: string, channelArn: string): Promise<string> {
  const out = await ivsClient(region).send(new GetChannelCommand({ arn: channelArn }));
  const passphrase = out.channel?.srt?.passphrase;
  if (!passphrase) throw new StreamKeyError('IVS returned no SRT passphrase for this channel.', 'NoSrtPassphrase');
  return passphrase;
}

/**
 * One change at a time per channel across every console instance on the store: a double click (or a
 * click on another instance) waits for the first, then sees the key it already replaced and does nothing
 * destructive. PostgreSQL: an advisory lock; embedded: the in-process chain (one process owns the store).
 */
export async function withChannelLock<T>(channelArn: string, fn: () => Promise<T>): Promise<T> {
  return (await store()).withAdvisoryLock(`ivs-stream-key:${channelArn}`, fn);
}

// IVS documents 5 TPS for DeleteStreamKey and CreateStreamKey, per account and region: every console
// instance and bulk run takes its slot from one pacer per operation in the store (lib/ivs/pacer.ts).
const KEY_CALLS_PER_SECOND = 5;

async function paced(operation: string, arn: string): Promise<void> {
  const wait = await reserveSlot(await store(), pacerName(arn, operation), KEY_CALLS_PER_SECOND);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

// Creates the channel's key; if IVS says the quota is full, another rotation created it first: adopt it.
async function createKey(
  ivs: IvsClient,
  channelArn: string,
  afterDelete: boolean,
  tags?: Record<string, string>,
): Promise<{ arn: string; adopted: boolean }> {
  try {
    await paced('CreateStreamKey', channelArn);
    const out = await ivs.send(new CreateStreamKeyCommand({ channelArn, tags: tags && Object.keys(tags).length ? tags : undefined }));
    if (out.streamKey?.arn) return { arn: out.streamKey.arn, adopted: false };
    throw new Error('CreateStreamKey returned no key');
  } catch (error) {
    // A failed (or timed-out but applied) create may still have left a key: look before declaring none.
    const existing = await keyArnOf(ivs, channelArn).catch(() => null);
    if (existing) return { arn: existing, adopted: true };
    if (!afterDelete) throw error;
    throw new StreamKeyError(
      `The old stream key was deleted, but IVS could not create a new one: ${describeIvsError(error).message} ` +
        'This channel has no stream key: nobody can stream to it until you create one.',
      'NoStreamKey',
    );
  }
}

async function deleteKey(ivs: IvsClient, arn: string): Promise<void> {
  await paced('DeleteStreamKey', arn);
  try {
    await ivs.send(new DeleteStreamKeyCommand({ arn }));
  } catch (error) {
    // Already gone (another console instance): the goal is reached.
    if (!isIvsError(error, 'ResourceNotFoundException')) throw error;
  }
}

// Encoders reconnect by themselves, so the key goes first and the stream second.
async function stopStream(ivs: IvsClient, channelArn: string): Promise<{ stopped: boolean; error?: string }> {
  try {
    await ivs.send(new StopStreamCommand({ channelArn }));
    return { stopped: true };
  } catch (error) {
    if (isIvsError(error, 'ChannelNotBroadcasting')) return { stopped: false };
    return { stopped: false, error: describeIvsError(error).message };
  }
}

export interface RotateOptions {
  channelArn: string;
  expectedKeyArn?: string;
  stopStream: boolean;
}

/** Delete the key, optionally stop the stream, create a new key with the old key's tags. Safe against double clicks and races. */
export function rotateStreamKey(region: string, { channelArn, expectedKeyArn, stopStream: stop }: RotateOptions): Promise<StreamKeyChange> {
  const ivs = ivsClient(region);
  return withChannelLock(channelArn, async () => {
    const key = await keyOf(ivs, channelArn);
    const current = key?.arn ?? null;
    if (expectedKeyArn && current && current !== expectedKeyArn) {
      return {
        keyArn: current,
        outcome: 'already-rotated',
        streamStopped: false,
        message: 'The key was already rotated by someone else; the new key is shown.',
      };
    }
    if (!current) {
      const created = await createKey(ivs, channelArn, false);
      return {
        keyArn: created.arn,
        outcome: 'created',
        streamStopped: false,
        message: 'The channel had no stream key; a new one was created.',
      };
    }
    await deleteKey(ivs, current);
    const stopped = stop ? await stopStream(ivs, channelArn) : { stopped: false };
    const created = await createKey(ivs, channelArn, true, key?.tags);
    const parts = [created.adopted ? 'The key was rotated (another rotation created the new key first).' : 'The stream key was rotated.'];
    if (stopped.stopped) parts.push('The live stream was stopped; encoders must use the new key.');
    if (stopped.error) parts.push(`The live stream could not be stopped: ${stopped.error}`);
    return { keyArn: created.arn, outcome: 'rotated', streamStopped: stopped.stopped, message: parts.join(' ') };
  });
}

/** Deletes the channel's key and creates none, so nobody can start a stream. Never deletes a key it was not shown. */
export function disableIngest(
  region: string,
  opts: { channelArn: string; expectedKeyArn: string; stopStream?: boolean },
): Promise<StreamKeyChange> {
  const ivs = ivsClient(region);
  return withChannelLock(opts.channelArn, async () => {
    const current = await keyArnOf(ivs, opts.channelArn);
    if (!current)
      return { keyArn: null, outcome: 'already-disabled', streamStopped: false, message: 'The channel already has no stream key.' };
    if (current !== opts.expectedKeyArn) {
      return {
        keyArn: current,
        outcome: 'already-rotated',
        streamStopped: false,
        message: 'The key was rotated by someone else since the page loaded; ingest was not disabled. The current key is shown.',
      };
    }
    await deleteKey(ivs, current);
    const stopped = opts.stopStream ? await stopStream(ivs, opts.channelArn) : { stopped: false };
    const note = stopped.error
      ? ` The live stream could not be stopped: ${stopped.error}`
      : stopped.stopped
        ? ' The live stream was stopped.'
        : '';
    return {
      keyArn: null,
      outcome: 'disabled',
      streamStopped: stopped.stopped,
      message: `Ingest is disabled: the channel has no stream key.${note}`,
    };
  });
}

/** Gives a keyless channel a key; if it already has one, says so and shows it. */
export function createStreamKey(region: string, channelArn: string): Promise<StreamKeyChange> {
  const ivs = ivsClient(region);
  return withChannelLock(channelArn, async () => {
    const current = await keyArnOf(ivs, channelArn);
    if (current)
      return {
        keyArn: current,
        outcome: 'already-exists',
        streamStopped: false,
        message: 'The channel already has a stream key; it is shown.',
      };
    const created = await createKey(ivs, channelArn, false);
    return {
      keyArn: created.arn,
      outcome: created.adopted ? 'already-exists' : 'created',
      streamStopped: false,
      message: 'A new stream key was created.',
    };
  });
}
