import 'server-only';
import type { WatchRow } from '@/lib/events/observe';
import type { Queryable } from '@/lib/store/types';

// The watcher's memory, in the store: a restarted console, or another instance taking over the lease,
// compares with the last look whoever made it.

interface Row {
  channel_arn: string;
  stream_id: string;
  health: string;
  viewers: number;
  channel_name: string | null;
  channel_type: string | null;
  findings: string[] | string;
  started_at: Date | string | null;
  observed_at: Date | string;
}

export async function loadWatchState(db: Queryable, region: string): Promise<WatchRow[]> {
  const { rows } = await db.query<Row>(
    `SELECT channel_arn, stream_id, health, viewers, channel_name, channel_type, findings, started_at, observed_at
     FROM watch_state WHERE region = $1`,
    [region],
  );
  return rows.map((r) => ({
    channelArn: r.channel_arn,
    streamId: r.stream_id,
    health: r.health,
    viewers: r.viewers,
    channelName: r.channel_name,
    channelType: r.channel_type,
    findings: typeof r.findings === 'string' ? (JSON.parse(r.findings) as string[]) : r.findings,
    startedAt: r.started_at ? new Date(r.started_at).getTime() : null,
    observedAt: new Date(r.observed_at).getTime(),
  }));
}

/** Replaces the region's state with `rows` in one transaction: channels no longer live lose their row. */
export async function saveWatchState(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  region: string,
  rows: WatchRow[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM watch_state WHERE region = $1 AND NOT (channel_arn = ANY($2::text[]))', [
      region,
      rows.map((r) => r.channelArn),
    ]);
    for (const r of rows) {
      await tx.query(
        `INSERT INTO watch_state (region, channel_arn, stream_id, health, viewers, channel_name, channel_type, findings, started_at, observed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)
         ON CONFLICT (region, channel_arn) DO UPDATE SET stream_id = EXCLUDED.stream_id, health = EXCLUDED.health, viewers = EXCLUDED.viewers,
           channel_name = EXCLUDED.channel_name, channel_type = EXCLUDED.channel_type, findings = EXCLUDED.findings,
           started_at = EXCLUDED.started_at, observed_at = EXCLUDED.observed_at`,
        [
          region,
          r.channelArn,
          r.streamId,
          r.health,
          r.viewers,
          r.channelName,
          r.channelType,
          JSON.stringify(r.findings),
          r.startedAt === null ? null : new Date(r.startedAt).toISOString(),
          new Date(r.observedAt).toISOString(),
        ],
      );
    }
  });
}

// Console actions after which a channel's stream ends because the console ended it.
const STOPPING_ACTIONS = ['stream.stop', 'stream-key.rotate', 'stream-key.disable-ingest', 'channel.delete'];

/** A stop from the console this long before the end was seen still makes the end "expected" (the audit record follows the stop). */
export const STOP_LOOKBACK_MS = 60_000;

/** Of `channelArns`, those the console stopped (a successful stopping action in the audit log) at or after `since`. */
export async function stoppedFromConsole(db: Queryable, channelArns: string[], since: number): Promise<Set<string>> {
  if (!channelArns.length) return new Set();
  const { rows } = await db.query<{ resource_arn: string | null; parent_arn: string | null }>(
    `SELECT resource_arn, parent_arn FROM audit_log
     WHERE (resource_arn = ANY($1::text[]) OR parent_arn = ANY($1::text[])) AND action = ANY($2::text[]) AND outcome = 'success' AND at >= $3`,
    [channelArns, STOPPING_ACTIONS, new Date(since).toISOString()],
  );
  const wanted = new Set(channelArns);
  return new Set(rows.flatMap((r) => [r.resource_arn, r.parent_arn]).filter((a): a is string => !!a && wanted.has(a)));
}
