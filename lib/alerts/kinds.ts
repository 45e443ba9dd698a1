import type { EventKind, EventSeverity } from '@/lib/alerts/console-event';

// Client-safe: the rule form lists these, the server validates against them.
export const EVENT_KINDS: ReadonlyArray<{ kind: EventKind; label: string }> = [
  { kind: 'stream.started', label: 'Stream started' },
  { kind: 'stream.ended', label: 'Stream ended' },
  { kind: 'health.changed', label: 'Health changed' },
  { kind: 'starvation.started', label: 'Starvation started' },
  { kind: 'starvation.ended', label: 'Starvation ended' },
  { kind: 'finding.appeared', label: 'Diagnosis finding appeared' },
  { kind: 'viewers.dropped', label: 'Viewers dropped sharply' },
  { kind: 'recording.failed', label: 'Recording failed' },
  { kind: 'limit.breached', label: 'Limit breached' },
];

export const SEVERITIES: readonly EventSeverity[] = ['info', 'warning', 'critical'];

/** Whether an event of this severity is at least as severe as a rule's minimum. */
export function atLeast(severity: EventSeverity, min: EventSeverity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}
