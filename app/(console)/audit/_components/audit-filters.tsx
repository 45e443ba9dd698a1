import { Button, ButtonLink } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { AuditView } from '@/lib/audit/search-params';

/** A plain GET form: the filters land in the URL, so a filtered view can be shared and reloaded. Matches are exact (indexed). */
export function AuditFilters({ form }: { form: AuditView['form'] }) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter the audit log"
      className="mb-6 grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-7 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Field id="audit-user" label="User">
        <Input id="audit-user" name="user" defaultValue={form.user} placeholder="user@example.com" />
      </Field>
      <Field id="audit-action" label="Action">
        <Input id="audit-action" name="action" defaultValue={form.action} placeholder="channel.delete" />
      </Field>
      <Field id="audit-resource" label="Resource">
        <Input id="audit-resource" name="resource" defaultValue={form.resource} placeholder="full ARN" />
      </Field>
      <Field id="audit-outcome" label="Outcome">
        <Select id="audit-outcome" name="outcome" defaultValue={form.outcome}>
          <option value="">any</option>
          <option value="success">success</option>
          <option value="failure">failure</option>
          <option value="denied">denied</option>
        </Select>
      </Field>
      <Field id="audit-from" label="From (UTC)">
        <Input id="audit-from" name="from" type="datetime-local" defaultValue={form.from} />
      </Field>
      <Field id="audit-to" label="To (UTC)">
        <Input id="audit-to" name="to" type="datetime-local" defaultValue={form.to} />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <ButtonLink href="/audit" variant="ghost">
          Clear
        </ButtonLink>
      </div>
    </form>
  );
}
