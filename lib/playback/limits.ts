// Private playback's numeric limits, without zod, for pages that show them before any form is used
// (lib/ivs/schemas/playback-key holds the checks and re-exports these).

/** IVS allows 3 playback key pairs per region (service quota, not adjustable). */
export const PLAYBACK_KEY_PAIR_QUOTA = 3;
/** BatchStartViewerSessionRevocation takes at most 20 viewer sessions per call. */
export const REVOCATION_BATCH_SIZE = 20;
/** One batch-revocation action handles this many at most (chunked into calls of 20). */
export const MAX_REVOCATIONS_PER_REQUEST = 500;
