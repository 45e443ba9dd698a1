import { Button, ButtonLink } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { EventsView } from '@/lib/events/search-params';
import { EVENT_KIND_LABELS, EVENT_KINDS, EVENT_SEVERITIES } from '@/lib/events/types';

/** A plain GET form: the filters land in the URL, so a filtered feed can be shared and reloaded. */
export function EventFilters({ form, errors }: Pick<EventsView, 'form' | 'errors'>) {
  return (
    <form
      method="get"
      action="/events"
      role="search"
      aria-label="Filter the events"
      className="mb-6 grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Field id="events-channel" label="Channel" error={errors.channel}>
        <Input
          id="events-channel"
          name="channel"
          defaultValue={form.channel}
          placeholder="channel id or ARN"
          invalid={!!errors.channel}
          aria-describedby={describedBy('events-channel', errors.channel)}
        />
      </Field>
      <Field id="events-kind" label="Kind" error={errors.kind}>
        <Select
          id="events-kind"
          name="kind"
          defaultValue={form.kind}
          invalid={!!errors.kind}
          aria-describedby={describedBy('events-kind', errors.kind)}
        >
          <option value="">any</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EVENT_KIND_LABELS[k]}
            </option>
          ))}
          {errors.kind && <option value={form.kind}>{form.kind}</option>}
        </Select>
      </Field>
      <Field id="events-severity" label="Severity" error={errors.severity}>
        <Select
          id="events-severity"
          name="severity"
          defaultValue={form.severity}
          invalid={!!errors.severity}
          aria-describedby={describedBy('events-severity', errors.severity)}
        >
          <option value="">any</option>
          {EVENT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
          {errors.severity && <option value={form.severity}>{form.severity}</option>}
        </Select>
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/events" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
