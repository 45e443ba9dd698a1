import 'server-only';
import type { Db } from '@/lib/store';
import type { ConsoleEvent, EventCursor } from '@/lib/alerts/console-event';
import { advanceCursor, readCursor } from '@/lib/alerts/cursor';
import { claimDeliveries, enqueueDelivery, markFailed, markSent } from '@/lib/alerts/deliveries';
import { ruleMatches } from '@/lib/alerts/match';
import { payloadFor } from '@/lib/alerts/payload';
import { claimQuietSlot } from '@/lib/alerts/quiet';
import { getRule, listRules } from '@/lib/alerts/rules';
import { sendNotification, type SendResult, type SendTarget } from '@/lib/alerts/send';

// The dispatcher: events (lib/events, read from a cursor kept in the store) -> matching rules ->
// one queued delivery per rule and event unless the rule's quiet period for that channel holds ->
// sent with a timeout, retried with backoff. Every step is safe to run twice or on two instances:
// the unique (rule, event) pair, the atomic quiet-period upsert and the SKIP LOCKED claim see to it.

export interface DispatchDeps {
  db: Db;
  eventsAfter: (cursor: EventCursor | null, limit: number) => Promise<ConsoleEvent[]>;
  /** The channel's tags, or null when they cannot be read; only asked for tag-scoped rules. */
  channelTags: (region: string, channelArn: string) => Promise<Record<string, string> | null>;
  send?: (target: SendTarget, body: string, deliveryId: string) => Promise<SendResult>;
  now?: () => Date;
}

const PAGE = 100;
const MAX_PAGES_PER_RUN = 20;
/** With no cursor yet (first start), events older than this are passed over, not notified about. */
export const FIRST_RUN_LOOKBACK_MS = 10 * 60_000;

/** Turns new events into queued deliveries and moves the cursor past them; returns how many were queued. */
export async function queueNewEvents(deps: DispatchDeps): Promise<{ events: number; queued: number }> {
  const now = deps.now?.() ?? new Date();
  let cursor = await readCursor(deps.db);
  const firstRun = cursor === null;
  const rules = (await listRules(deps.db)).filter((r) => r.enabled);
  const tagCache = new Map<string, Promise<Record<string, string> | null>>();
  const tagsOf = (e: ConsoleEvent) => () => {
    const key = `${e.region} ${e.channelArn}`;
    if (!tagCache.has(key))
      tagCache.set(
        key,
        deps.channelTags(e.region, e.channelArn).catch(() => null),
      );
    return tagCache.get(key)!;
  };
  let events = 0;
  let queued = 0;
  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    const batch = await deps.eventsAfter(cursor, PAGE);
    for (const event of batch) {
      events++;
      if (!(firstRun && event.recordedAt < now.getTime() - FIRST_RUN_LOOKBACK_MS)) {
        for (const rule of rules) {
          if (!(await ruleMatches(rule, event, tagsOf(event)))) continue;
          // Quiet slot and delivery in one transaction: both happen or neither does.
          const added = await deps.db.transaction(async (tx) => {
            const slot = { ruleId: rule.id, channelArn: event.channelArn, eventId: event.id, quietMinutes: rule.quietMinutes };
            if (!(await claimQuietSlot(tx, slot, now))) return false;
            const body = payloadFor(rule, event);
            return enqueueDelivery(
              tx,
              { ruleId: rule.id, ruleName: rule.name, eventId: event.id, eventKind: event.kind, eventTitle: event.title, body },
              now,
            );
          });
          if (added) queued++;
        }
      }
      cursor = { recordedAt: event.recordedAt, id: event.id };
      await advanceCursor(deps.db, cursor);
    }
    if (batch.length < PAGE) break;
  }
  return { events, queued };
}

/** Sends every due delivery this instance can claim, all at once: a slow endpoint holds up no other. */
export async function sendDueDeliveries(deps: DispatchDeps, limit = 50): Promise<{ sent: number; retry: number; failed: number }> {
  const now = deps.now?.() ?? new Date();
  const send = deps.send ?? sendNotification;
  const claimed = await claimDeliveries(deps.db, limit, now);
  const outcome = { sent: 0, retry: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (d) => {
      const rule = await getRule(deps.db, d.ruleId);
      if (!rule) {
        await markFailed(deps.db, d, { httpStatus: null, error: 'rule deleted', retry: false }, now);
        outcome.failed++;
        return;
      }
      const result = await send(rule, d.body, d.id);
      if (result.ok) {
        await markSent(deps.db, d.id, result.httpStatus, deps.now?.() ?? new Date());
        outcome.sent++;
      } else {
        outcome[await markFailed(deps.db, d, result, deps.now?.() ?? new Date())]++;
      }
    }),
  );
  return outcome;
}

export async function dispatchOnce(deps: DispatchDeps) {
  const queue = await queueNewEvents(deps);
  const sent = await sendDueDeliveries(deps);
  return { ...queue, ...sent };
}

const KEY = Symbol.for('ivs-console.alerts-dispatcher');
const slot = globalThis as typeof globalThis & { [KEY]?: ReturnType<typeof setTimeout> };

/** Runs dispatchOnce every `seconds` (0: never) in this process; one loop per process however often called. */
export function startDispatcher(seconds: number, deps: () => Promise<DispatchDeps>): void {
  if (seconds <= 0 || slot[KEY]) return;
  const tick = async () => {
    try {
      await dispatchOnce(await deps());
    } catch (error) {
      // The message only: nothing here holds a URL (send results carry none), but be sure of it.
      console.error(
        `[alerts] dispatch failed: ${error instanceof Error ? error.message.replace(/https?:\/\/\S+/g, '<url>') : String(error)}`,
      );
    } finally {
      slot[KEY] = setTimeout(tick, seconds * 1000);
      slot[KEY].unref?.();
    }
  };
  slot[KEY] = setTimeout(tick, seconds * 1000);
  slot[KEY].unref?.();
}
