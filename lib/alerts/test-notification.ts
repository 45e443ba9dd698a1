import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@/lib/store';
import type { ConsoleEvent } from '@/lib/alerts/console-event';
import { recordFinishedDelivery } from '@/lib/alerts/deliveries';
import { payloadFor } from '@/lib/alerts/payload';
import type { AlertRule } from '@/lib/alerts/rules';
import { sendNotification } from '@/lib/alerts/send';

/** Sends a made-up event to a rule's destination now ("Send test notification") and keeps the result in the history. */
export async function sendTestNotification(
  db: Queryable,
  rule: AlertRule,
  by: string,
): Promise<{ ok: boolean; httpStatus: number | null; error: string | null }> {
  const now = Date.now();
  const event: ConsoleEvent = {
    id: `test-${randomUUID()}`,
    kind: rule.kinds[0],
    severity: 'info',
    source: 'watcher',
    region: 'test',
    channelArn: 'arn:aws:ivs:test:000000000000:channel/test',
    streamId: null,
    occurredAt: now,
    recordedAt: now,
    title: `Test notification for "${rule.name}"`,
    detail: `Sent from the IVS console by ${by} to check this destination. Nothing happened to a stream.`,
    dedupeKey: 'test',
  };
  const body = payloadFor(rule, event, true);
  const id = randomUUID();
  const result = await sendNotification(rule, body, id, now);
  await recordFinishedDelivery(db, {
    id,
    ruleId: rule.id,
    ruleName: rule.name,
    eventId: event.id,
    eventKind: 'test',
    eventTitle: event.title,
    body,
    ok: result.ok,
    httpStatus: result.httpStatus,
    error: result.ok ? null : result.error,
  });
  return { ok: result.ok, httpStatus: result.httpStatus, error: result.ok ? null : result.error };
}
