// Turns what hls.js reports into one sentence for the page. IVS (and the local emulator) answer a
// refused playlist with a JSON list like [{"type":"error","error":"…","error_code":"…"}].

export interface HlsErrorLike {
  type?: string;
  details?: string;
  response?: { code?: number; text?: string };
  networkDetails?: unknown;
}

function bodyOf(data: HlsErrorLike): string | undefined {
  const details = data.networkDetails as { responseText?: unknown } | undefined;
  if (details && typeof details.responseText === 'string') return details.responseText;
  return data.response?.text;
}

function ivsReason(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as unknown;
    const first = Array.isArray(parsed) ? (parsed[0] as { error?: unknown }) : undefined;
    return typeof first?.error === 'string' ? first.error : undefined;
  } catch {
    return undefined;
  }
}

export function playbackErrorMessage(data: HlsErrorLike): string {
  const status = data.response?.code;
  const reason = ivsReason(bodyOf(data));
  if (status === 403) return `Playback refused (403): ${reason ?? 'the playback token was not accepted.'}`;
  if (status === 404) return `Nothing to play (404): ${reason ?? 'the channel is not live.'}`;
  if (status === 0 || (status === undefined && data.type === 'networkError')) {
    return 'The playback server could not be reached (network error or blocked by CORS).';
  }
  if (status) return `Playback failed (HTTP ${status})${reason ? `: ${reason}` : '.'}`;
  if (data.type === 'mediaError') return `This browser could not decode the stream (${data.details ?? 'media error'}).`;
  return `Playback failed (${data.details ?? 'unknown error'}).`;
}
