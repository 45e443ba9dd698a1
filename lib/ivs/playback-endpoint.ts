import 'server-only';
import { env } from '@/lib/env';
import { localPlaybackUrl } from '@/lib/playback/local-playback-url';

/** Where the browser reaches the local IVS emulator, in local mode only (null against real AWS). */
export function localEmulatorOrigin(): string | null {
  return env.mode === 'local' ? `http://127.0.0.1:${env.IVS_LOCAL_PORT}` : null;
}

/** The URL a browser player should load for a channel: IVS's own, or the emulator's in local mode. */
export function playerPlaybackUrl(playbackUrl: string): string {
  const origin = localEmulatorOrigin();
  return (origin && localPlaybackUrl(playbackUrl, origin)) ?? playbackUrl;
}
