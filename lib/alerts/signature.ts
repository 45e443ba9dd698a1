import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';

// The generic webhook's signature (docs/alerts.md): hex HMAC-SHA256 over `${timestamp}.${body}`, so a
// receiver can check both that the body is ours and that it is recent (timestamp = Unix seconds).
export const TIMESTAMP_HEADER = 'x-ivs-console-timestamp';
export const SIGNATURE_HEADER = 'x-ivs-console-signature';
export const DELIVERY_HEADER = 'x-ivs-console-delivery';

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** The receiver's check, as docs/alerts.md gives it: right signature and at most maxAgeS old. */
export function verifyPayload(
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  nowS = Math.floor(Date.now() / 1000),
  maxAgeS = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts) || Math.abs(nowS - ts) > maxAgeS) return false;
  const expected = Buffer.from(signPayload(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
