import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Alert destinations are secrets (a Slack webhook URL is itself the credential; a signing secret
// signs what receivers trust), so the store keeps them sealed: AES-256-GCM under a key derived
// (HKDF-SHA256) from the console's AUTH_SECRET, never the secret itself. A copy of the database, a
// backup or a log of its rows shows no URL. Values written before sealing (no prefix) still read.

const PREFIX = 'enc:v1:';
const INFO = 'ivs-console alert destination v1';

const keyFrom = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'ivs-console', INFO, 32));

/** Seals `plain` under the first secret (the current AUTH_SECRET). */
export function seal(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export class SealedValueError extends Error {}

/**
 * Opens a sealed value with the current secret or an earlier one (AUTH_SECRET_1..3 while rotating, as
 * Auth.js reads them); an unsealed value is returned as it is.
 */
export function open(stored: string, secrets: string[]): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  const [iv, tag, body] = [raw.subarray(0, 12), raw.subarray(12, 28), raw.subarray(28)];
  for (const secret of secrets) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // Not this secret: try the next.
    }
  }
  throw new SealedValueError('The alert destination was sealed under an AUTH_SECRET the console no longer has: create the rule again.');
}

export const isSealed = (stored: string | null) => !!stored?.startsWith(PREFIX);
