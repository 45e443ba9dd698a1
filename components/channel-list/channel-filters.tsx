'use client';

import type { ReactNode } from 'react';
import { useSearchParams } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import type { ListFilterKind } from '@/lib/ivs/schemas/channel';
import type { NamedArn } from '@/lib/ivs/reference-names';
import { QuickFilterControls } from './quick-filters';
import { ServerFilter } from './server-filter';
import { TagFilterForm } from './tag-filter-form';

// Every URL parameter a filter of this page sets (the pager's cursor is not a filter).
const FILTER_PARAMS = ['name', 'recording', 'policy', 'ads', 'tagKey', 'tagValue', 'qtype', 'qprivate', 'qlive', 'qtag'];

export interface ChannelFiltersProps {
  kind: ListFilterKind;
  value: string;
  recordingConfigurations: NamedArn[];
  restrictionPolicies: NamedArn[];
  adConfigurations: NamedArn[];
  /** Why the IVS filter in the URL cannot be used (shown beside it). */
  error?: string;
}

/**
 * The channel list's one filter area. The three kinds of filter reach differently (IVS answers one
 * filter per call; IVS cannot filter by tag, so the console reads every page; the quick filters
 * only narrow the rows already loaded), so each row names how far it reaches, in the order a list
 * is narrowed: what IVS returns, then by tag, then on screen. Each keeps its URL parameters.
 */
export function ChannelFilters(props: ChannelFiltersProps) {
  const params = useSearchParams();
  const active = FILTER_PARAMS.some((k) => params.get(k));
  return (
    <section
      aria-labelledby="channel-filters-heading"
      className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h2 id="channel-filters-heading" className="text-sm font-semibold">
          Filter channels
        </h2>
        {active && (
          <ButtonLink href="/channels" variant="ghost" size="sm">
            Clear all filters
          </ButtonLink>
        )}
      </div>
      <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
        <FilterRow title="In IVS" scope="IVS filters by one thing at a time: name, recording configuration or restriction policy.">
          <ServerFilter {...props} />
        </FilterRow>
        <FilterRow
          title="By tag"
          scope="Searches every page of channels in this region (IVS cannot filter by tag, so the console reads them all)."
        >
          <TagFilterForm />
        </FilterRow>
        <FilterRow title="On the loaded rows" scope="Narrows the rows already shown, at once, without asking IVS again.">
          <QuickFilterControls />
        </FilterRow>
      </div>
    </section>
  );
}

function FilterRow({ title, scope, children }: { title: string; scope: string; children: ReactNode }) {
  return (
    <div className="grid gap-2 px-4 py-3 md:grid-cols-[13rem_minmax(0,1fr)] md:gap-4">
      <div>
        <h3 className="text-sm font-medium">{title}</h3>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{scope}</p>
      </div>
      {children}
    </div>
  );
}
