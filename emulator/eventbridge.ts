import { createHash } from 'node:crypto';
import { eventsAt } from './cloudwatch/health';
import type { StreamEvent, StreamSessionRec } from './records';
import type { Store } from './state';

// What an EventBridge rule with an API destination would POST for the streams the emulator
// simulates: IVS's events for channel streams (docs/eventbridge.md), one per happening, to one URL,
// with the connection's API-key header, so the console's intake is tested end to end. Like
// EventBridge it is best effort and at least once: a failed POST is tried again on later ticks, a
// given event keeps its id across tries, and an event that happened before delivery started (a
// seeded or backdated stream's history) is never sent.

export interface EventBridgeOptions {
  url: string;
  /** Sent as the header value; the connection's API key. */
  secret: string;
  /** The connection's API key name (the console reads x-ivs-console-secret). */
  header?: string;
  /** How often the sessions are scanned for new events. */
  intervalMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface EventBridgeDelivery {
  /** Scans once and sends what is due; resolves when those POSTs are done. */
  tick(): Promise<void>;
  stop(): void;
  /** Sent (2xx or 4xx: a refusal is not retried, as EventBridge does not retry 4xx but 429). */
  readonly delivered: number;
}

const MAX_TRIES = 8;
// Sessions that ended longer ago than this have nothing left to send.
const ENDED_HORIZON_MS = 10 * 60_000;

/** EventBridge's envelope for one IVS event of a session. */
export function envelopeFor(
  accountId: string,
  region: string,
  channelArn: string,
  channelName: string,
  streamId: string,
  e: StreamEvent,
  id: string,
) {
  const detail =
    e.type === 'IVS Recording State Change'
      ? { channel_name: channelName, stream_id: streamId, recording_status: e.name }
      : { event_name: e.name, channel_name: channelName, stream_id: streamId };
  return {
    version: '0',
    id,
    'detail-type': e.type,
    source: 'aws.ivs',
    account: accountId,
    time: new Date(Date.parse(e.eventTime)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [channelArn],
    detail,
  };
}

// Stable per happening, so a retry carries the same id, shaped like EventBridge's UUIDs.
function eventId(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function startEventBridgeDelivery(store: Store, options: EventBridgeOptions): EventBridgeDelivery {
  const send = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const header = options.header ?? 'x-ivs-console-secret';
  const since = now();
  // key -> tries so far; a key leaves `pending` once sent (or given up) and enters `done`.
  const done = new Set<string>();
  const pending = new Map<string, number>();
  let delivered = 0;
  let running: Promise<void> | null = null;

  async function post(key: string, body: object): Promise<void> {
    const tries = (pending.get(key) ?? 0) + 1;
    pending.set(key, tries);
    let retry = true;
    try {
      const res = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [header]: options.secret },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
      retry = res.status === 429 || res.status >= 500;
      if (!retry) delivered++;
    } catch {
      // Unreachable or timed out: tried again on a later tick.
    }
    if (!retry || tries >= MAX_TRIES) {
      pending.delete(key);
      done.add(key);
    }
  }

  function due(): { key: string; body: object }[] {
    const t = now();
    const out: { key: string; body: object }[] = [];
    for (const [region, state] of store.regions) {
      for (const [channelArn, sessions] of state.sessions) {
        const channelName = state.channels.get(channelArn)?.name ?? '';
        for (const s of sessions as StreamSessionRec[]) {
          if (s.endTime && Date.parse(s.endTime) < Math.max(since, t - ENDED_HORIZON_MS)) continue;
          for (const e of eventsAt(s, t)) {
            const at = Date.parse(e.eventTime);
            if (!(at >= since)) continue;
            const key = `${region}|${s.streamId}|${e.type}|${e.name}|${e.eventTime}`;
            if (done.has(key)) continue;
            out.push({ key, body: envelopeFor(store.accountId, region, channelArn, channelName, s.streamId, e, eventId(key)) });
          }
        }
      }
    }
    return out;
  }

  const tick = (): Promise<void> => {
    // One scan at a time: a slow receiver must not get the same event from two overlapping ticks.
    running ??= Promise.all(due().map((d) => post(d.key, d.body)))
      .then(() => undefined)
      .finally(() => (running = null));
    return running;
  };

  const timer = setInterval(() => void tick(), options.intervalMs ?? 1_000);
  timer.unref();
  return {
    tick,
    stop: () => clearInterval(timer),
    get delivered() {
      return delivered;
    },
  };
}
