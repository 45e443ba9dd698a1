import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a request carries a shared secret (EventBridge's header, Vercel Cron's bearer token), in
 * constant time: both sides are hashed first, so the comparison is of two equal-length digests
 * whatever was sent, and its time says nothing about the secret's length or its first matching characters.
 */
export function secretMatches(given: string | null | undefined, expected: string): boolean {
  if (!expected) return false;
  const ok = timingSafeEqual(digest(given ?? ''), digest(expected));
  return ok && typeof given === 'string';
}
