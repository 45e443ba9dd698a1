import { bitrateRule } from './rules/bitrate';
import { contextFor, type Rule } from './rules/context';
import { frameRateRule } from './rules/frame-rate';
import { ingestConfigRule } from './rules/ingest-config';
import { keyframeIntervalRule } from './rules/keyframe-interval';
import { reconnectRule } from './rules/reconnects';
import { starvationRule } from './rules/starvation';
import { streamEventsRule } from './rules/stream-events';
import type { DiagnosisInput, Finding, Severity } from './types';

export const RULES: readonly Rule[] = [
  starvationRule,
  reconnectRule,
  bitrateRule,
  frameRateRule,
  keyframeIntervalRule,
  ingestConfigRule,
  streamEventsRule,
];

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** Worst first; within a severity the most recent evidence first, then by id so the order is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return RANK[a.severity] - RANK[b.severity] || (b.window?.end ?? -Infinity) - (a.window?.end ?? -Infinity) || a.id.localeCompare(b.id);
}

/** Every rule over one channel's metrics, ingest configuration and events; findings worst first. */
export function diagnose(input: DiagnosisInput): Finding[] {
  const ctx = contextFor(input);
  return RULES.flatMap((rule) => rule(ctx)).sort(compareFindings);
}

/** The worst severity among findings, or null when there are none (for a health board's ranking). */
export const worstSeverity = (findings: Finding[]): Severity | null =>
  findings.reduce<Severity | null>((w, f) => (w === null || RANK[f.severity] < RANK[w] ? f.severity : w), null);
