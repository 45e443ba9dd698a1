import 'server-only';
import type { Queryable } from '@/lib/store';

/**
 * Whether a rule may notify about this event on this channel now, and if so marks it so: true when
 * the rule last notified for the channel at least quietMinutes ago (or never), or for this very event
 * (a dispatch run again after a crash; that keeps the period's start). One atomic upsert, so two instances cannot both pass.
 */
export async function claimQuietSlot(
  db: Queryable,
  q: { ruleId: string; channelArn: string; eventId: string; quietMinutes: number },
  now = new Date(),
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO alert_quiet (rule_id, channel_arn, event_id, notified_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (rule_id, channel_arn) DO UPDATE
       SET event_id = $3, notified_at = CASE WHEN alert_quiet.event_id = $3 THEN alert_quiet.notified_at ELSE $4 END
     WHERE alert_quiet.event_id = $3 OR alert_quiet.notified_at <= $5
     RETURNING rule_id`,
    [q.ruleId, q.channelArn, q.eventId, now, new Date(now.getTime() - q.quietMinutes * 60_000)],
  );
  return rows.length > 0;
}
