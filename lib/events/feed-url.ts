// The /events URL and the API query of a filtered view (client-safe and free of zod: the feed's client
// code builds its "Older events" link and its poll with it).

export interface EventsForm {
  channel: string;
  kind: string;
  severity: string;
}

export function eventsQueryString(form: EventsForm, before?: string | null): string {
  const query = new URLSearchParams(Object.entries(form).filter(([, v]) => v));
  if (before) query.set('before', before);
  return query.toString();
}

export const eventsPageHref = (form: EventsForm, before?: string | null) => {
  const qs = eventsQueryString(form, before);
  return qs ? `/events?${qs}` : '/events';
};
