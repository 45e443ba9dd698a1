import 'server-only';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from '@/lib/alerts/signature';

export const SEND_TIMEOUT_MS = 5_000;

export interface SendTarget {
  url: string;
  destination: 'slack' | 'webhook';
  signingSecret: string | null;
}

export type SendResult = { ok: true; httpStatus: number } | { ok: false; httpStatus: number | null; error: string; retry: boolean };

// Never the URL (it is the credential) nor a message that may carry it: only a status or an error code.
function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `connection failed (${cause.code})` : 'connection failed';
}

/** One POST of a notification, with a timeout; a failure says whether it is worth trying again. */
export async function sendNotification(target: SendTarget, body: string, deliveryId: string, now = Date.now()): Promise<SendResult> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'ivs-console-alerts/1',
    [DELIVERY_HEADER]: deliveryId,
  };
  if (target.destination === 'webhook' && target.signingSecret) {
    const timestamp = Math.floor(now / 1000);
    headers[TIMESTAMP_HEADER] = String(timestamp);
    headers[SIGNATURE_HEADER] = signPayload(target.signingSecret, timestamp, body);
  }
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, httpStatus: res.status };
    // 408, 429 and 5xx may pass later; another 4xx (a revoked Slack hook's 404 or 410) will not.
    const retry = res.status === 408 || res.status === 429 || res.status >= 500;
    return { ok: false, httpStatus: res.status, error: `HTTP ${res.status}`, retry };
  } catch (error) {
    return { ok: false, httpStatus: null, error: describe(error), retry: true };
  }
}
