// What CloudWatch can still show for a session of a given age (client-safe, pure). The retention
// periods are docs/ivs-metrics.md's; periodFor (lib/metrics/catalogue.ts) picks the period itself.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A sentence about the data's resolution or absence, or null when the charts show what the stream sent
 * at the resolution it was recorded. `period` is the one the metrics were read at, in seconds.
 */
export function retentionNote(windowStart: number, now: number, period: number, hasData: boolean): string | null {
  const age = now - windowStart;
  if (age > 455 * DAY) return 'CloudWatch keeps metrics for 15 months: it has no data for this session.';
  if (!hasData) return 'CloudWatch has no data for this session.';
  if (age > 63 * DAY) return 'Metrics older than 63 days are kept at 1-hour resolution: short dips and spikes are averaged away.';
  if (age > 15 * DAY) return 'Metrics older than 15 days are kept at 5-minute resolution: short dips and spikes are averaged away.';
  if (age > 3 * HOUR && period >= 60)
    return 'Metrics older than 3 hours are kept at 1-minute resolution: the second-by-second detail of this session is gone.';
  return null;
}
