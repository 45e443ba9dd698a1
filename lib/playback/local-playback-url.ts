// IVS playback URLs end in `{region}.{account}.channel.{id}.m3u8` (some accounts show an `aws.ivs.`
// prefix). The local emulator serves the same file name under /_emulator/playback/.
const PLAYBACK_FILE = /^\/api\/video\/v1\/(?:aws\.ivs\.)?([a-z0-9-]+\.\d{12}\.channel\.[a-zA-Z0-9]+\.m3u8)$/;

/** The emulator URL that plays this IVS playback URL, or null when it is not one. */
export function localPlaybackUrl(playbackUrl: string, emulatorOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(playbackUrl);
  } catch {
    return null;
  }
  const file = PLAYBACK_FILE.exec(url.pathname)?.[1];
  if (!file || !url.hostname.endsWith('.playback.live-video.net')) return null;
  return `${emulatorOrigin.replace(/\/$/, '')}/_emulator/playback/${file}`;
}

/** The token in a pasted value: a bare JWT, or any URL (or query string) with `token=`. */
export function tokenFromInput(value: string): string {
  const text = value.trim();
  const fromQuery = /[?&]token=([^&#\s]+)/.exec(text)?.[1];
  return fromQuery ? decodeURIComponent(fromQuery) : text;
}
