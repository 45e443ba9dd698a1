'use server';

import { ActionError, defineAction } from '@/lib/auth/action';
import {
  createStreamKeySchema,
  disableIngestSchema,
  rotateStreamKeySchema,
  srtPassphraseSchema,
  streamKeySecretSchema,
} from '@/lib/ivs/schemas/stream-key';
import * as streamKeys from '@/lib/ivs/stream-keys';
import { invalidateLiveSnapshot } from '@/lib/ivs/streams';

// The wrapper shows ActionError messages as they are; the module's own errors become those.
async function refusalsAsActionErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof streamKeys.StreamKeyError) throw new ActionError(error.message, error.code);
    throw error;
  }
}

// A stopped stream must not linger as live in the shared ListStreams snapshot the pages poll. Best
// effort: the key change already happened, so a cache hiccup must not report it as failed.
function stoppedStreamSeen<T extends { streamStopped: boolean }>(region: string, change: T): T {
  try {
    if (change.streamStopped) invalidateLiveSnapshot(region);
  } catch {
    // the snapshot expires by itself within seconds
  }
  return change;
}

// Reveal and copy return the secret to the one browser that asked; the audit record names the ARN
// only, and auditStrict refuses the secret when that record cannot be written.

export const revealStreamKeyAction = defineAction({
  name: 'stream-key.reveal',
  role: 'operator',
  input: streamKeySecretSchema,
  auditStrict: true,
  recentSignIn: true,
  resource: (input) => input.streamKeyArn,
  // getStreamKeyValue refuses a key of another channel, so the channel recorded here is the key's own.
  parent: (input) => input.channelArn,
  run: async ({ input, region }) => ({
    value: await refusalsAsActionErrors(streamKeys.getStreamKeyValue(region, input.channelArn, input.streamKeyArn)),
  }),
});

export const copyStreamKeyAction = defineAction({
  name: 'stream-key.copy',
  role: 'operator',
  input: streamKeySecretSchema,
  auditStrict: true,
  recentSignIn: true,
  resource: (input) => input.streamKeyArn,
  // getStreamKeyValue refuses a key of another channel, so the channel recorded here is the key's own.
  parent: (input) => input.channelArn,
  run: async ({ input, region }) => ({
    value: await refusalsAsActionErrors(streamKeys.getStreamKeyValue(region, input.channelArn, input.streamKeyArn)),
  }),
});

export const revealSrtPassphraseAction = defineAction({
  name: 'srt-passphrase.reveal',
  role: 'operator',
  input: srtPassphraseSchema,
  auditStrict: true,
  recentSignIn: true,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => ({ value: await refusalsAsActionErrors(streamKeys.getSrtPassphrase(region, input.channelArn)) }),
});

export const copySrtPassphraseAction = defineAction({
  name: 'srt-passphrase.copy',
  role: 'operator',
  input: srtPassphraseSchema,
  auditStrict: true,
  recentSignIn: true,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => ({ value: await refusalsAsActionErrors(streamKeys.getSrtPassphrase(region, input.channelArn)) }),
});

export const rotateStreamKeyAction = defineAction({
  name: 'stream-key.rotate',
  role: 'operator',
  input: rotateStreamKeySchema,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => stoppedStreamSeen(region, await refusalsAsActionErrors(streamKeys.rotateStreamKey(region, input))),
});

export const disableIngestAction = defineAction({
  name: 'stream-key.disable-ingest',
  role: 'operator',
  input: disableIngestSchema,
  resource: (input) => input.channelArn,
  run: async ({ input, region }) => stoppedStreamSeen(region, await refusalsAsActionErrors(streamKeys.disableIngest(region, input))),
});

export const createStreamKeyAction = defineAction({
  name: 'stream-key.create',
  role: 'operator',
  input: createStreamKeySchema,
  resource: (input) => input.channelArn,
  run: ({ input, region }) => refusalsAsActionErrors(streamKeys.createStreamKey(region, input.channelArn)),
});
