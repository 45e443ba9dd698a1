import { randomBytes, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

// Unbiased random string over an alphabet (rejection sampling keeps the distribution flat).
export function randomString(length: number, alphabet = ALNUM): string {
  let out = '';
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < limit) out += alphabet[b % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export type ResourceType =
  'channel' | 'stream-key' | 'playback-key' | 'recording-configuration' | 'playback-restriction-policy' | 'ad-configuration';

// IVS resource ids are 12 mixed-case alphanumerics.
export function resourceId(): string {
  return randomString(12);
}

export function makeArn(region: string, account: string, type: ResourceType, id = resourceId()): string {
  return `arn:aws:ivs:${region}:${account}:${type}/${id}`;
}

export interface ParsedArn {
  region: string;
  account: string;
  type: string;
  id: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const m = /^arn:aws:ivs:([a-z0-9-]+):([0-9]+):([a-z-]+)\/([a-zA-Z0-9-]+)$/.exec(arn);
  return m ? { region: m[1], account: m[2], type: m[3], id: m[4] } : undefined;
}

// The per-account, per-region prefix IVS shares between ingest, SRT and playback hosts.
export function endpointPrefix(): string {
  return randomString(12, LOWER_ALNUM);
}

export function ingestEndpoint(prefix: string): string {
  return `${prefix}.global-contribute.live-video.net`;
}

export function srtEndpoint(prefix: string): string {
  return `${prefix}.srt.live-video.net`;
}

export function playbackUrl(prefix: string, region: string, account: string, channelId: string): string {
  return `https://${prefix}.${region}.playback.live-video.net/api/video/v1/${region}.${account}.channel.${channelId}.m3u8`;
}

export function streamKeyValue(region: string, keyId: string): string {
  return `sk_${region}_${keyId}_${randomString(30)}`;
}

export function srtPassphrase(): string {
  return randomString(32);
}

// `st-` plus 23 characters: StreamId is exactly 26 long in the model.
export function streamId(): string {
  return `st-${randomString(23)}`;
}

export function adBreakId(): string {
  return randomString(12);
}

export function requestId(): string {
  return randomUUID();
}
