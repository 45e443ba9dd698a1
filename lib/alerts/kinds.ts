import type { EventKind, EventSeverity } from '@/lib/alerts/console-event';
import { EVENT_KINDS as KINDS } from '@/lib/events/types';

// Client-safe: the rule form lists these, the server validates against them. A Record, so a kind
// added to lib/events without a label here fails the type check.
const LABELS: Record<EventKind, string> = {
  'stream.started': 'Stream started',
  'stream.ended': 'Stream ended',
  'health.changed': 'Health changed',
  'starvation.started': 'Starvation started',
  'starvation.ended': 'Starvation ended',
  'finding.appeared': 'Diagnosis finding appeared',
  'viewers.dropped': 'Viewers dropped sharply',
  'recording.failed': 'Recording failed',
  'limit.breached': 'Limit breached',
};

export const EVENT_KINDS: ReadonlyArray<{ kind: EventKind; label: string }> = KINDS.map((kind) => ({ kind, label: LABELS[kind] }));

export const SEVERITIES: readonly EventSeverity[] = ['info', 'warning', 'critical'];

/** Whether an event of this severity is at least as severe as a rule's minimum. */
export function atLeast(severity: EventSeverity, min: EventSeverity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}
