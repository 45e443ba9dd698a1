import * as z from '@/lib/zod';
import { decodeEventCursor, EVENT_KINDS, EVENT_SEVERITIES, type EventKind, type EventSeverity } from '@/lib/events/types';
import { parseArn } from '@/lib/ivs/arn';
import type { EventsForm } from '@/lib/events/feed-url';

// The /events URL (and GET /api/events's query) is user input: each filter is checked on its own, so a
// bad one is named next to its field and the others still apply. Server-side only (the page and the
// route), so the browser never loads zod for it.

export const EVENTS_PAGE_SIZE = 50;

const CHANNEL_ID = /^[a-zA-Z0-9-]{1,128}$/;

const FIELD_SCHEMAS = {
  channel: z.string().check(
    z.maxLength(128, 'A channel ARN is at most 128 characters.'),
    z.refine(
      (v) => CHANNEL_ID.test(v) || parseArn(v)?.kind === 'channel',
      'Enter a channel id (the end of its ARN) or a whole channel ARN.',
    ),
  ),
  kind: z.enum(EVENT_KINDS, 'Choose a kind from the list.'),
  severity: z.enum(EVENT_SEVERITIES, 'Choose critical, warning or info.'),
  before: z
    .string()
    .check(
      z.refine((v) => !!decodeEventCursor(v), 'This “Older events” link is damaged or out of date: start again from the newest events.'),
    ),
} as const;

export interface EventsView {
  /** What the URL asked for, to put back in the form (bad values too, so the user can correct them). */
  form: EventsForm;
  /** The valid filters only. `channel` is an ARN or a channel id (resolved against the region by the caller). */
  query: { channel?: string; kind?: EventKind; severity?: EventSeverity; before?: string };
  /** A message per bad field. */
  errors: Partial<Record<keyof EventsForm | 'before', string>>;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const one = (params: Params, key: string) => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return ((Array.isArray(v) ? v[0] : v) ?? '').trim().slice(0, 300);
};

export function eventsViewFromSearchParams(params: Params): EventsView {
  const form: EventsForm = { channel: one(params, 'channel'), kind: one(params, 'kind'), severity: one(params, 'severity') };
  const before = one(params, 'before');
  const view: EventsView = { form, query: {}, errors: {} };
  const check = <K extends keyof typeof FIELD_SCHEMAS>(key: K, value: string) => {
    if (!value) return;
    const parsed = z.safeParse(FIELD_SCHEMAS[key], value);
    if (parsed.success) (view.query as Record<string, string>)[key] = parsed.data as string;
    else view.errors[key] = parsed.error.issues[0]?.message ?? 'Not a valid value.';
  };
  check('channel', form.channel);
  check('kind', form.kind);
  check('severity', form.severity);
  check('before', before);
  return view;
}

/** The filters that passed, as a form: what the feed polls and pages with (a bad value is left out, as it is from the query). */
export const validForm = ({ query }: EventsView): EventsForm => ({
  channel: query.channel ?? '',
  kind: query.kind ?? '',
  severity: query.severity ?? '',
});
