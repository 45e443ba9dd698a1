import { createPublicKey, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../ivs-api';
import type { RegionState } from '../state';
import { latestSequence, mediaPlaylist, multivariantPlaylist, segmentBytes } from './hls';
import { verifyPlaybackToken, type PlaybackRequestKind } from './token';

export const PLAYBACK_PREFIX = '/_emulator/playback/';

// {region}.{account}.channel.{id}: the last part of an IVS playback URL, without ".m3u8".
const NAME = '([a-z0-9-]+)\\.(\\d{12})\\.channel\\.([a-zA-Z0-9]+)';
const PATHS: [RegExp, PlaybackRequestKind][] = [
  [new RegExp(`^${NAME}\\.m3u8$`), 'multivariant'],
  [new RegExp(`^${NAME}/chunklist\\.m3u8$`), 'variant'],
  [new RegExp(`^${NAME}/(\\d{1,9})\\.ts$`), 'segment'],
];

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Range',
  'Access-Control-Max-Age': '600',
};

// Errors in the shape IVS playback (Twitch's usher) answers with: a JSON list of one error.
function sendPlaybackError(res: ServerResponse, status: number, code: string, message: string): void {
  const text = JSON.stringify([{ type: 'error', error: message, error_code: code }]);
  res.writeHead(status, {
    ...CORS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function send(res: ServerResponse, req: IncomingMessage, type: string, body: Buffer | string, cache: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, { ...CORS, 'Content-Type': type, 'Cache-Control': cache, 'Content-Length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

const keyCache = new Map<string, KeyObject>();
function publicKeysOf(state: RegionState): KeyObject[] {
  return state.keyPairs.list().flatMap((k) => {
    if (!k.publicKeyMaterial) return [];
    let key = keyCache.get(k.publicKeyMaterial);
    if (!key) {
      key = createPublicKey(k.publicKeyMaterial);
      keyCache.set(k.publicKeyMaterial, key);
    }
    return [key];
  });
}

// Single-use tokens are spent on their first multivariant playlist; kept per region state, so an
// emulator reset forgets them with everything else.
const spentUuids = new WeakMap<RegionState, Set<string>>();

// Local HLS playback of live channels, with IVS's private-channel token rules. Not part of the IVS
// API: real playback is served from *.playback.live-video.net, which the console maps here.
export function handlePlaybackRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  const rest = url.pathname.slice(PLAYBACK_PREFIX.length);
  const route = PATHS.map(([re, kind]) => ({ m: re.exec(rest), kind })).find((r) => r.m);
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !route?.m) {
    sendPlaybackError(res, 404, 'not_found', `No playback resource at ${url.pathname}.`);
    return;
  }
  const [, region, account, id, seq] = route.m;
  const channelArn = `arn:aws:ivs:${region}:${account}:channel/${id}`;
  const state = account === rt.accountId ? rt.store.regions.get(region) : undefined;
  const channel = state?.channels.get(channelArn);
  if (!state || !channel) {
    sendPlaybackError(res, 404, 'invalid_channel', 'Can not find channel.');
    return;
  }
  const live = state.live.get(channelArn);
  if (!live) {
    sendPlaybackError(res, 404, 'channel_offline', 'The channel is not live.');
    return;
  }
  const token = url.searchParams.get('token');
  const nowMs = Date.now();
  if (channel.authorized) {
    const verdict = verifyPlaybackToken(token, {
      channelArn,
      publicKeys: publicKeysOf(state),
      revocations: state.revocations.filter((r) => r.channelArn === channelArn),
      origin: req.headers.origin,
      kind: route.kind,
      nowMs,
    });
    if (!verdict.ok) {
      sendPlaybackError(res, 403, verdict.code, verdict.reason);
      return;
    }
    const uuid = verdict.claims['aws:single-use-uuid'];
    if (route.kind === 'multivariant' && typeof uuid === 'string') {
      const spent = spentUuids.get(state) ?? new Set<string>();
      spentUuids.set(state, spent);
      if (spent.has(uuid)) {
        sendPlaybackError(res, 403, 'token_used', 'This single-use playback token has already been used.');
        return;
      }
      spent.add(uuid);
    }
  }
  // The token travels on to the variant playlist and segments, where IVS checks it again.
  const query = channel.authorized && token ? new URLSearchParams({ token }).toString() : '';
  const startMs = Date.parse(live.startTime);
  if (route.kind === 'multivariant')
    send(res, req, 'application/vnd.apple.mpegurl', multivariantPlaylist(`${region}.${account}.channel.${id}`, query), 'no-cache');
  else if (route.kind === 'variant') send(res, req, 'application/vnd.apple.mpegurl', mediaPlaylist(startMs, nowMs, query), 'no-cache');
  else if (Number(seq) > latestSequence(startMs, nowMs) + 1)
    sendPlaybackError(res, 404, 'segment_not_found', `Segment ${seq} does not exist yet.`);
  else send(res, req, 'video/mp2t', segmentBytes(), 'max-age=60');
}
