import { z } from 'zod';
import type { EventKind, EventSeverity, NewConsoleEvent } from '@/lib/alerts/console-event';
import { eventDedupeKey } from '@/lib/events/types';
import { nameOf, recordingFailedWording, TITLES } from '@/lib/events/wording';
import { parseArn } from '@/lib/ivs/arn';

// IVS's EventBridge events (docs/eventbridge.md) as console events. Only the four low-latency
// detail-types are read; what they carry is the documented envelope (id, detail-type, source, time,
// region, resources = [channel ARN]) and a detail with event_name, channel_name, stream_id and, per
// type, the limit or recording fields. Anything else in them is ignored, not refused: AWS adds fields.

const envelope = z.object({
  id: z.string().min(1).max(200),
  'detail-type': z.string().min(1).max(200),
  source: z.literal('aws.ivs'),
  time: z.iso.datetime({ offset: true }),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  resources: z.array(z.string()).min(1),
  detail: z.record(z.string(), z.unknown()),
});

export type IvsEventBridgeEvent = z.infer<typeof envelope>;

export type MapResult =
  | { ok: true; event: NewConsoleEvent }
  /** A valid IVS event the console has no kind for (Session Created, Recording Start, a stage's events). */
  | { ok: true; event: null; reason: string }
  | { ok: false; error: string };

const str = (v: unknown, max = 500): string | undefined => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
      ? Number(v)
      : undefined;

interface Mapped {
  kind: EventKind;
  severity: EventSeverity;
  title: string;
  detail: string;
  data?: Record<string, unknown>;
}

function mapDetail(type: string, d: Record<string, unknown>, name: string): Mapped | string {
  const event = str(d.event_name, 100);
  switch (type) {
    case 'IVS Stream State Change':
      if (event === 'Stream Start')
        return {
          kind: 'stream.started',
          severity: 'info',
          title: TITLES.streamStarted(name),
          detail: 'IVS started processing the stream (EventBridge).',
        };
      if (event === 'Stream End')
        return {
          kind: 'stream.ended',
          severity: 'warning',
          // Why it ended is the console's to say (lib/eventbridge/intake.ts asks the audit log).
          title: `Stream ended on ${name}`,
          detail: 'IVS stopped processing the stream (EventBridge).',
        };
      if (event === 'Stream Failure')
        return {
          kind: 'stream.ended',
          severity: 'critical',
          title: `${name}: stream failed`,
          detail: 'IVS could not process the stream: processing capacity was exceeded (EventBridge Stream Failure).',
        };
      return `Stream State Change "${event ?? '?'}" is not a console event`;
    case 'IVS Stream Health Change':
      if (event === 'Starvation Start')
        return {
          kind: 'starvation.started',
          severity: 'critical',
          title: TITLES.starvationStarted(name),
          detail: 'IVS receives no data from the encoder (EventBridge).',
        };
      if (event === 'Starvation End')
        return {
          kind: 'starvation.ended',
          severity: 'info',
          title: TITLES.starvationEnded(name),
          detail: 'The encoder sends data again (EventBridge).',
        };
      return `Stream Health Change "${event ?? '?'}" is not a console event`;
    case 'IVS Limit Breach': {
      // The user guide's example names it limit_name; the EventBridge schema registry calls it limit.
      const limit = str(d.limit_name, 100) ?? str(d.limit, 100) ?? 'a limit';
      const [by, value, unit] = [num(d.exceeded_by), num(d.limit_value), str(d.limit_unit, 40) ?? ''];
      const amount =
        by !== undefined && value !== undefined ? ` by ${by}${unit ? ` ${unit}` : ''} (limit ${value}${unit ? ` ${unit}` : ''})` : '';
      return {
        kind: 'limit.breached',
        severity: 'warning',
        title: `${name}: ${limit} exceeded`,
        detail: `The stream exceeded ${limit}${amount} (EventBridge).`,
        data: { limitName: limit, exceededBy: by ?? null, limitValue: value ?? null, limitUnit: unit || null },
      };
    }
    case 'IVS Recording State Change': {
      const status = str(d.recording_status, 100);
      if (status !== 'Recording Start Failure' && status !== 'Recording End Failure')
        return `Recording State Change "${status ?? '?'}" is not a console event`;
      const reason = str(d.recording_status_reason, 300);
      const wording = recordingFailedWording(status, name, reason ?? null);
      return {
        kind: 'recording.failed',
        severity: wording.severity,
        title: wording.title,
        detail: `${wording.detail} (EventBridge)`,
        data: {
          recordingStatus: status,
          reason: reason ?? null,
          bucket: str(d.recording_s3_bucket_name, 100) ?? null,
          keyPrefix: str(d.recording_s3_key_prefix, 300) ?? null,
        },
      };
    }
    default:
      return `detail-type "${type}" is not read by the console`;
  }
}

/** An EventBridge delivery as a console event; null for a valid event the console keeps no kind for. */
export function mapIvsEvent(body: unknown): MapResult {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `Not an IVS EventBridge event: ${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const e = parsed.data;
  const channelArn = e.resources.find((r) => parseArn(r)?.kind === 'channel');
  if (!channelArn) return { ok: false, error: 'Not an IVS EventBridge event: resources names no IVS channel ARN.' };
  if (parseArn(channelArn)!.region !== e.region)
    return { ok: false, error: 'Not an IVS EventBridge event: the channel ARN is of another region.' };
  const streamId = str(e.detail.stream_id, 100) ?? null;
  const name = nameOf({ channelName: str(e.detail.channel_name, 128) ?? null, channelArn });
  const mapped = mapDetail(e['detail-type'], e.detail, name);
  if (typeof mapped === 'string') return { ok: true, event: null, reason: mapped };
  const occurredAt = Date.parse(e.time);
  return {
    ok: true,
    event: {
      ...mapped,
      source: 'eventbridge',
      region: e.region,
      channelArn,
      streamId,
      occurredAt,
      // The watcher builds the same key for the same happening (lib/events/types.ts), so whichever
      // sees it second adds nothing; the envelope's time is IVS's own moment of it.
      dedupeKey: eventDedupeKey(mapped.kind, channelArn, streamId, occurredAt),
      data: {
        ...mapped.data,
        channelName: str(e.detail.channel_name, 128) ?? null,
        eventBridgeId: e.id,
        detailType: e['detail-type'],
        eventName: str(e.detail.event_name, 100) ?? null,
      },
    },
  };
}
