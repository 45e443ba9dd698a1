import 'server-only';
import type { ConsoleEvent, NewConsoleEvent } from '@/lib/alerts/console-event';
import type { IntakeOutcome } from '@/lib/eventbridge/intake-counters';
import { mapIvsEvent } from '@/lib/eventbridge/map';
import { EVENTBRIDGE_SECRET_HEADER } from '@/lib/eventbridge/secret';
import { secretMatches } from '@/lib/security/shared-secret';
import { nameOf, streamEndedWording } from '@/lib/events/wording';
import { STOP_LOOKBACK_MS } from '@/lib/events/watch-state';

/** An IVS event is well under 2 KB; EventBridge allows 256 KB. More than this is not an IVS event. */
export const MAX_EVENT_BYTES = 64 * 1024;

export interface IntakeDeps {
  /** EVENTBRIDGE_SECRET; unset disables the intake (404). */
  secret: string | undefined;
  record: (e: NewConsoleEvent) => Promise<{ event: ConsoleEvent; inserted: boolean }>;
  count: (outcome: IntakeOutcome) => Promise<void>;
  /** Whether the console stopped this channel's stream since `since` (the audit log), as the watcher asks. */
  stoppedFromConsole?: (channelArn: string, since: number) => Promise<boolean>;
  /** After a new event is recorded (the alert dispatcher's kick); not awaited by the answer. */
  onRecorded?: () => void;
}

/**
 * EventBridge's Stream End says that a stream ended, not why. The console knows whether it stopped it,
 * so the end reads as the watcher would write it ("stopped from the console", or "unexpectedly"):
 * whichever source sees the end first, the feed and the alert say the same.
 */
async function classifyEnd(event: NewConsoleEvent, deps: IntakeDeps): Promise<NewConsoleEvent> {
  if (event.kind !== 'stream.ended' || event.data?.eventName !== 'Stream End' || !deps.stoppedFromConsole) return event;
  const stopped = await deps.stoppedFromConsole(event.channelArn, event.occurredAt - STOP_LOOKBACK_MS);
  const channelName = typeof event.data.channelName === 'string' ? event.data.channelName : null;
  const wording = streamEndedWording(stopped, nameOf({ channelName, channelArn: event.channelArn }));
  return {
    ...event,
    severity: wording.severity,
    title: wording.title,
    detail: `${wording.detail} (EventBridge)`,
    data: { ...event.data, ...wording.data },
  };
}

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });

/** The body as text, or null when it is longer than max bytes (read no further than that). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * POST /api/events/eventbridge: an IVS EventBridge event from an API destination. The shared secret
 * is checked before the body is read; refusals (401, 413, 400) are counted, never stored. A valid
 * event becomes a console event through recordEvent, which keeps one per dedupe key, so a repeated,
 * late or out-of-order delivery adds nothing. 200 for anything valid, so EventBridge does not retry it.
 */
export async function handleEventBridgeDelivery(request: Request, deps: IntakeDeps): Promise<Response> {
  if (!deps.secret) return json({ error: 'Not found.' }, 404);
  const refuse = async (outcome: IntakeOutcome, status: number, error: string) => {
    await deps.count(outcome).catch(() => undefined);
    return json({ error }, status);
  };
  if (!secretMatches(request.headers.get(EVENTBRIDGE_SECRET_HEADER), deps.secret))
    return refuse('unauthorized', 401, `Missing or wrong ${EVENTBRIDGE_SECRET_HEADER} header.`);
  const text = await readCapped(request, MAX_EVENT_BYTES);
  if (text === null) return refuse('too-large', 413, `An event is at most ${MAX_EVENT_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse('malformed', 400, 'The body is not JSON.');
  }
  const mapped = mapIvsEvent(body);
  if (!mapped.ok) return refuse('malformed', 400, mapped.error);
  if (!mapped.event) {
    await deps.count('ignored').catch(() => undefined);
    return json({ recorded: false, reason: mapped.reason }, 200);
  }
  const { event, inserted } = await deps.record(await classifyEnd(mapped.event, deps));
  await deps.count(inserted ? 'recorded' : 'duplicate').catch(() => undefined);
  if (inserted) deps.onRecorded?.();
  return json({ recorded: inserted, id: event.id, kind: event.kind }, 200);
}
