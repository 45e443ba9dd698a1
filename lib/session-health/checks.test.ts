import { describe, expect, it } from 'vitest';
import { checksMade } from './checks';

describe('checksMade', () => {
  it('names the limits of the channel type it judged against', () => {
    const checks = checksMade({ channelType: 'BASIC', videoHeight: 480, hasMetrics: true, hasIngest: true, events: 3, sessions: 1 });
    expect(checks.join('\n')).toContain('BASIC maximum of 1.5 Mbps');
    expect(checks).toContain("Reconnect loops across the channel's 1 most recent session");
    expect(checks).toContain('3 events decoded for failures and error codes');
  });

  it('says what it could not judge without metrics or an ingest configuration', () => {
    const checks = checksMade({ channelType: 'STANDARD', hasMetrics: false, hasIngest: false, events: 0, sessions: 0 });
    expect(checks[0]).toMatch(/No CloudWatch metrics/);
    expect(checks).toContain('IVS reported no ingest configuration to check');
  });
});
