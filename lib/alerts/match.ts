import type { ConsoleEvent } from '@/lib/alerts/console-event';
import { atLeast } from '@/lib/alerts/kinds';

export interface MatchableRule {
  enabled: boolean;
  kinds: readonly string[];
  minSeverity: ConsoleEvent['severity'];
  tagKey: string | null;
  tagValue: string | null;
}

/** Whether a rule notifies about an event; tags are the event's channel's (asked only for tag-scoped rules). */
export async function ruleMatches(
  rule: MatchableRule,
  event: ConsoleEvent,
  channelTags: () => Promise<Record<string, string> | null>,
): Promise<boolean> {
  if (!rule.enabled || !rule.kinds.includes(event.kind) || !atLeast(event.severity, rule.minSeverity)) return false;
  if (!rule.tagKey) return true;
  // A channel whose tags cannot be read (deleted, IVS unreachable) is not known to be in scope.
  const tags = await channelTags();
  return !!tags && tags[rule.tagKey] === (rule.tagValue ?? '');
}
