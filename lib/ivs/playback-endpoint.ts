import 'server-only';
import { env } from '@/lib/env';
import { localPlaybackUrl } from '@/lib/playback/local-playback-url';

/**
 * Where the browser reaches the local IVS emulator, in local mode only (null against real AWS): the
 * same endpoint the console's IVS client uses (lib/ivs/client.ts), so an emulator elsewhere
 * (IVS_ENDPOINT) serves the test player too.
 */
export function localEmulatorOrigin(): string | null {
  if (env.mode !== 'local') return null;
  return env.IVS_ENDPOINT ? new URL(env.IVS_ENDPOINT).origin : `http://127.0.0.1:${env.IVS_LOCAL_PORT}`;
}

/** The URL a browser player should load for a channel: IVS's own, or the emulator's in local mode. */
export function playerPlaybackUrl(playbackUrl: string): string {
  const origin = localEmulatorOrigin();
  return (origin && localPlaybackUrl(playbackUrl, origin)) ?? playbackUrl;
}
