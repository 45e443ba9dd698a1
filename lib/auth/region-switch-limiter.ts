import 'server-only';

// Region switches per user over a sliding minute. A switch is one audit record, and a viewer may
// switch as often as they like, so without a bound a loop of calls wrote about 65 records a second.
// Ten a minute is far above what a person clicking the switcher does. Per process (as the sign-in
// limiter): several instances each allow their own ten.
export const REGION_SWITCHES_PER_MINUTE = 10;
const WINDOW_MS = 60_000;
// Users kept at most; past it the least recently switching are forgotten, so memory stays bounded.
const MAX_USERS = 10_000;

export function createRegionSwitchLimiter(limit = REGION_SWITCHES_PER_MINUTE, now: () => number = Date.now) {
  const switches = new Map<string, number[]>();
  return {
    /** Counts a switch for this user and says whether it may go ahead. */
    take(user: string): boolean {
      const recent = (switches.get(user) ?? []).filter((t) => t > now() - WINDOW_MS);
      const allowed = recent.length < limit;
      if (allowed) recent.push(now());
      switches.delete(user); // re-inserted last: Map order is then least recently switching first
      switches.set(user, recent);
      while (switches.size > MAX_USERS) switches.delete(switches.keys().next().value!);
      return allowed;
    },
  };
}

export const regionSwitchLimiter = createRegionSwitchLimiter();
