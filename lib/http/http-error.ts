// Client-safe. A failed fetch of one of the console's own routes, carrying the HTTP status, so
// callers decide on the status and never on the wording of the message shown to the user.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

// Retrying cannot help these: the session ended (401), the role is too low (403), it is gone (404).
const FINAL_STATUSES = new Set([401, 403, 404]);

/** TanStack Query's retry decision: up to two retries for a network error or a server-side failure. */
export function shouldRetryQuery(failures: number, error: unknown): boolean {
  if (error instanceof HttpError && FINAL_STATUSES.has(error.status)) return false;
  return failures < 2;
}
