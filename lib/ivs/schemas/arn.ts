import * as z from '@/lib/zod';
import { arnPattern, type ArnKind } from '@/lib/ivs/arn';

// The ARN input schema, on the one ARN shape of lib/ivs/arn.ts (kept apart so that module needs no zod).

const LABELS: Record<ArnKind, string> = {
  channel: 'channel',
  'stream-key': 'stream key',
  'playback-key': 'playback key pair',
  'recording-configuration': 'recording configuration',
  'playback-restriction-policy': 'playback restriction policy',
};

/**
 * An ARN input of that kind (at most 128 characters, the model's limit). `allowEmpty` for an optional
 * reference a form clears with "" (IVS's own way to detach one).
 */
export function arnSchema(kind: ArnKind | readonly ArnKind[], { message, allowEmpty = false }: { message?: string; allowEmpty?: boolean } = {}) {
  const pattern = arnPattern(kind);
  const text = message ?? (typeof kind === 'string' ? `Not a ${LABELS[kind]} ARN.` : 'Not an IVS resource ARN of the right kind.');
  return z.string().check(z.maxLength(128), z.regex(allowEmpty ? new RegExp(`^$|${pattern.source}`) : pattern, text));
}
