import type { ConsoleEvent } from '@/lib/alerts/console-event';
import type { Destination } from '@/lib/alerts/rules';

// What a notification says, built once when the delivery is queued (the body is kept with it, so a
// retry sends the same bytes and the receiver can deduplicate on x-ivs-console-delivery).

export interface PayloadRule {
  id: string;
  name: string;
  destination: Destination;
}

export function payloadFor(rule: PayloadRule, event: ConsoleEvent, test = false): string {
  if (rule.destination === 'slack') {
    const mark = event.severity === 'critical' ? ':red_circle:' : event.severity === 'warning' ? ':warning:' : ':information_source:';
    const prefix = test ? '[test] ' : '';
    return JSON.stringify({
      text: `${mark} ${prefix}*${event.title}*\n${event.detail}\n${event.kind} · ${event.severity} · ${event.region} · ${new Date(event.occurredAt).toISOString()}`,
    });
  }
  return JSON.stringify({
    type: test ? 'ivs-console.test' : 'ivs-console.alert',
    rule: { id: rule.id, name: rule.name },
    event: {
      id: event.id,
      kind: event.kind,
      severity: event.severity,
      source: event.source,
      region: event.region,
      channelArn: event.channelArn,
      streamId: event.streamId ?? null,
      occurredAt: new Date(event.occurredAt).toISOString(),
      recordedAt: new Date(event.recordedAt).toISOString(),
      title: event.title,
      detail: event.detail,
    },
  });
}
