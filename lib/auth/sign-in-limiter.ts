import 'server-only';

// Failed password sign-ins, counted per username and in all over a sliding window. Only the demo
// users of local mode sign in with a password (aws mode signs in through an identity provider, which
// limits its own attempts), and local mode is one process on one machine, so the counts live in this
// process's memory. There is no per-address count: the console is reached directly in local mode, and
// X-Forwarded-For is then whatever the client writes, so an address limit would only look like one.
// The overall bound also bounds the audit records failed sign-ins can write.

export interface SignInLimits {
  /** Failures of one username within the window before it is refused. */
  perUser: number;
  /** Failures of all usernames together within the window before every sign-in is refused. */
  overall: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perUser: 5, overall: 50, windowMs: 15 * 60_000 };

// Keys kept at most; past it the oldest are forgotten, so a flood of made-up usernames cannot grow memory.
const MAX_KEYS = 10_000;
const ALL = 'all';

export function createSignInLimiter(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS, now: () => number = Date.now) {
  const failures = new Map<string, number[]>();

  const recent = (key: string): number[] => {
    const since = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };

  // Milliseconds until the oldest counted failure leaves the window, or 0 when under the limit.
  const waitFor = (key: string, limit: number): number => {
    const list = recent(key);
    return list.length >= limit ? list[list.length - limit] + limits.windowMs - now() : 0;
  };

  return {
    /** 0 when this attempt may go ahead; otherwise how long (ms) until it may. */
    retryAfter(username: string): number {
      return Math.max(waitFor(`user:${username}`, limits.perUser), waitFor(ALL, limits.overall));
    },
    failed(username: string): void {
      for (const [key, limit] of [
        [`user:${username}`, limits.perUser],
        [ALL, limits.overall],
      ] as const) {
        // Only the last `limit` failures decide anything, so no list grows past its limit.
        const list = [...recent(key), now()].slice(-limit);
        failures.delete(key); // re-inserted last: Map order is then least recently failed first
        failures.set(key, list);
      }
      while (failures.size > MAX_KEYS) failures.delete(failures.keys().next().value!);
    },
  };
}

/** The local mode's one limiter for demo sign-ins. */
export const demoSignInLimiter = createSignInLimiter();
