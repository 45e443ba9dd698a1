import 'server-only';

// Per-user counts over a sliding minute, for things a signed-in user can repeat at will and that each
// write an audit record: a loop of calls must not fill the audit log. Per process (as the sign-in
// limiter): several instances each allow their own share, which still bounds the writes.
const WINDOW_MS = 60_000;
// Users kept at most; past it the least recently counted are forgotten, so memory stays bounded.
const MAX_USERS = 10_000;

export interface PerUserLimiter {
  /**
   * Counts one event for this user. `allowed`: it may be recorded/go ahead. `skipped`: how many were
   * refused since the last allowed one, so the next record can say what it stands for.
   */
  take(user: string): { allowed: boolean; skipped: number };
}

export function createPerUserLimiter(limit: number, now: () => number = Date.now): PerUserLimiter {
  const users = new Map<string, { times: number[]; skipped: number }>();
  return {
    take(user) {
      const entry = users.get(user) ?? { times: [], skipped: 0 };
      entry.times = entry.times.filter((t) => t > now() - WINDOW_MS);
      const allowed = entry.times.length < limit;
      const skipped = entry.skipped;
      if (allowed) {
        entry.times.push(now());
        entry.skipped = 0;
      } else entry.skipped++;
      users.delete(user); // re-inserted last: Map order is then least recently counted first
      users.set(user, entry);
      while (users.size > MAX_USERS) users.delete(users.keys().next().value!);
      return { allowed, skipped: allowed ? skipped : entry.skipped };
    },
  };
}

// Region switches: a switch is one audit record, and a viewer may switch as often as they like, so
// without a bound a loop of calls wrote about 65 records a second. Ten a minute is far above what a
// person clicking the switcher does.
export const REGION_SWITCHES_PER_MINUTE = 10;
export const regionSwitchLimiter = createPerUserLimiter(REGION_SWITCHES_PER_MINUTE);

// Refused actions (role too low, sign-in too old) are audited, since someone probing is worth seeing;
// but a loop of refused calls would write a record each. Thirty a minute per user are recorded one by
// one; the ones past that are counted and named in the next record that is written.
export const DENIED_AUDITS_PER_MINUTE = 30;
export const deniedAuditLimiter = createPerUserLimiter(DENIED_AUDITS_PER_MINUTE);
