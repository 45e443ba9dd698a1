// The token generator's choices and limits, without zod (./token-schema holds the checks). Limits
// come from the IVS private-channel docs: viewer-id is at most 40 characters and, with a viewer-id,
// exp may be at most 10 minutes ahead; strict origin enforcement allows at most 5 origins; an origin
// may start its hostname with a "*." wildcard.
export const VIEWER_ID_MAX_EXPIRY_MINUTES = 10;
export const MAX_EXPIRY_MINUTES = 60 * 24 * 30;

export const EXPIRY_PRESETS = [
  { minutes: 5, label: '5 minutes' },
  { minutes: 10, label: '10 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 60 * 24, label: '1 day' },
  { minutes: 60 * 24 * 7, label: '7 days' },
] as const;

export function splitOrigins(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
