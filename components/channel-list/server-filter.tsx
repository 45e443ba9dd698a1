'use client';

import Form from 'next/form';
import { useState } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { ListFilterKind } from '@/lib/ivs/schemas/channel';
import { resourceIdFromArn } from '@/lib/ivs/arn';
import type { NamedArn } from '@/lib/ivs/reference-names';

interface Props {
  kind: ListFilterKind;
  value: string;
  recordingConfigurations: NamedArn[];
  restrictionPolicies: NamedArn[];
  adConfigurations: NamedArn[];
  /** Why the filter in the URL was not sent to IVS; shown beside the value, which is kept. */
  error?: string;
}

const KIND_LABEL: Record<ListFilterKind, string> = {
  name: 'Name contains',
  recording: 'Recording configuration',
  policy: 'Restriction policy',
  ads: 'Ad configuration',
};

/**
 * The server-side (IVS) filter. ListChannels accepts one filter per call, so the form offers one
 * at a time instead of letting IVS answer ConflictException. A GET form: the filter lives in the URL.
 */
export function ServerFilter({ kind: initialKind, value, recordingConfigurations, restrictionPolicies, adConfigurations, error }: Props) {
  const [kind, setKind] = useState<ListFilterKind>(initialKind);
  const options = { name: [], recording: recordingConfigurations, policy: restrictionPolicies, ads: adConfigurations }[kind];
  return (
    <Form action="/channels" className="flex flex-wrap items-end gap-2" aria-label="Filter channels in IVS">
      <div className="space-y-1">
        <label htmlFor="filter-kind" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Filter in IVS by
        </label>
        <Select id="filter-kind" value={kind} onChange={(e) => setKind(e.target.value as ListFilterKind)} className="h-9 w-56">
          {(Object.keys(KIND_LABEL) as ListFilterKind[]).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-value" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          {KIND_LABEL[kind]}
        </label>
        {kind === 'name' ? (
          <Input
            id="filter-value"
            name="name"
            defaultValue={initialKind === 'name' ? value : ''}
            placeholder="e.g. studio"
            className="h-9 w-64"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'filter-error' : undefined}
          />
        ) : (
          <Select
            key={kind}
            id="filter-value"
            name={kind}
            defaultValue={initialKind === kind ? value : ''}
            className="h-9 w-64"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'filter-error' : undefined}
          >
            <option value="">Choose…</option>
            {/* A value from the URL that is not in the list stays selected, so the user sees what was refused. */}
            {initialKind === kind && value && !options.some((o) => o.arn === value) && <option value={value}>{value}</option>}
            {options.map((o) => (
              <option key={o.arn} value={o.arn}>
                {o.name || resourceIdFromArn(o.arn)}
              </option>
            ))}
          </Select>
        )}
        {error && (
          <p id="filter-error" className="max-w-md text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" variant="secondary" size="sm" className="h-9">
        Apply
      </Button>
      {value && (
        <ButtonLink href="/channels" variant="ghost" size="sm" className="h-9">
          Clear filter
        </ButtonLink>
      )}
    </Form>
  );
}
