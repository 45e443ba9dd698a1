import type { Severity } from '@/lib/health/types';

// The board's order, worst first: what needs an operator's eyes is at the top of page 1.
// 1. IVS says STARVING (the encoder is not sending: viewers see a frozen picture now);
// 2. any other health than HEALTHY (UNKNOWN: IVS cannot judge the stream);
// 3. the worst finding's severity (critical, warning, info, none), then more findings first;
// 4. more viewers first (the same problem matters more where more people watch); then the channel
//    id, so equal rows keep their place between refreshes instead of swapping.

export interface Rankable {
  channelId: string;
  health: string;
  viewerCount: number;
  findings: { count: number; worst: Severity | null };
}

const HEALTH_RANK = (health: string): number => (health === 'STARVING' ? 0 : health === 'HEALTHY' ? 2 : 1);
const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
const severityRank = (s: Severity | null): number => (s ? SEVERITY_RANK[s] : 3);

export function compareBoardRows(a: Rankable, b: Rankable): number {
  return (
    HEALTH_RANK(a.health) - HEALTH_RANK(b.health) ||
    severityRank(a.findings.worst) - severityRank(b.findings.worst) ||
    b.findings.count - a.findings.count ||
    b.viewerCount - a.viewerCount ||
    a.channelId.localeCompare(b.channelId)
  );
}
