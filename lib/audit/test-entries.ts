import type { AuditEntry } from '@/lib/audit/types';

// Audit records for the store tests: a minute apart, alternating users, actions and outcomes.
export function entry(n: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `id-${String(n).padStart(4, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
    user: n % 2 ? 'operator@local.test' : 'Admin@Local.test',
    role: n % 2 ? 'operator' : 'admin',
    region: 'us-west-2',
    action: n % 3 ? 'channel.create' : 'stream-key.reveal',
    resourceArn: `arn:aws:ivs:us-west-2:123456789012:channel/c${n}`,
    outcome: n % 5 ? 'success' : 'denied',
    ...over,
  };
}
