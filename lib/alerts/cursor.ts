import 'server-only';
import type { Queryable } from '@/lib/store';
import type { EventCursor } from '@/lib/alerts/console-event';

// Where the dispatcher is in the event feed (migration 9): the last event it has dispatched, in the
// feed's (recordedAt, id) order. Kept in the store so a restart, or another instance, goes on from there.
const NAME = 'alerts';

export async function readCursor(db: Queryable): Promise<EventCursor | null> {
  const { rows } = await db.query<{ recorded_at: string | number; event_id: string }>(
    'SELECT recorded_at, event_id FROM alert_cursor WHERE name = $1',
    [NAME],
  );
  return rows[0] ? { recordedAt: Number(rows[0].recorded_at), id: rows[0].event_id } : null;
}

/** Moves the cursor forward only: a slower instance's older position never moves it back. */
export async function advanceCursor(db: Queryable, to: EventCursor): Promise<void> {
  await db.query(
    `INSERT INTO alert_cursor (name, recorded_at, event_id) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET recorded_at = $2, event_id = $3
     WHERE (alert_cursor.recorded_at, alert_cursor.event_id) < ($2::bigint, $3::text)`,
    [NAME, to.recordedAt, to.id],
  );
}
