import { buttonClasses } from '@/components/ui/button';
import { describedBy, Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import type { UsageSearch } from '@/lib/usage/catalogue';

/**
 * The report's settings as a plain GET form: the page is a server page and needs no script to change
 * them. Custom dates are UTC (said next to the fields); their errors are shown under each.
 */
export function UsageForm({
  search,
  tagKeys,
  errors,
}: {
  search: UsageSearch;
  tagKeys: string[];
  errors: Partial<Record<'from' | 'to' | 'form', string>>;
}) {
  return (
    <form method="get" action="/usage" className="flex flex-wrap items-end gap-4" aria-label="Usage report settings">
      <Field id="usage-range" label="Period">
        <Select id="usage-range" name="range" defaultValue={search.range}>
          <option value="24h">Last 24 hours</option>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
          <option value="custom">Custom (from/to)</option>
        </Select>
      </Field>
      <Field id="usage-from" label="From (UTC)" error={errors.from} hint="Custom period only">
        <Input
          id="usage-from"
          name="from"
          type="datetime-local"
          defaultValue={search.from}
          invalid={Boolean(errors.from)}
          aria-describedby={describedBy('usage-from', errors.from, true)}
        />
      </Field>
      <Field id="usage-to" label="To (UTC)" error={errors.to} hint="Custom period only">
        <Input
          id="usage-to"
          name="to"
          type="datetime-local"
          defaultValue={search.to}
          invalid={Boolean(errors.to)}
          aria-describedby={describedBy('usage-to', errors.to, true)}
        />
      </Field>
      <Field id="usage-group" label="Group by">
        <Select id="usage-group" name="group" defaultValue={search.group}>
          <option value="channel">Channel</option>
          <option value="tag">Tag key (cost allocation)</option>
          <option value="region">Region (reads every region)</option>
        </Select>
      </Field>
      <Field id="usage-tag" label="Tag key" hint="When grouping by tag">
        <Select id="usage-tag" name="tag" defaultValue={search.tag} aria-describedby="usage-tag-hint">
          {tagKeys.length === 0 && <option value="">(no tags)</option>}
          {tagKeys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </Select>
      </Field>
      <label className="flex items-center gap-2 pb-2 text-sm text-zinc-900 dark:text-zinc-100">
        <input type="checkbox" name="all" value="1" defaultChecked={search.all === '1'} />
        All regions
      </label>
      <button type="submit" className={buttonClasses('primary', 'md')}>
        Show usage
      </button>
      {errors.form && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {errors.form}
        </p>
      )}
    </form>
  );
}
