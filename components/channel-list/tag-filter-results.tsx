'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ChannelTable } from '@/components/channel-list/channel-table';
import { ErrorPanel } from '@/components/ui/error-panel';
import { ButtonLink } from '@/components/ui/button';
import type { ExportChannel } from '@/lib/channel-list/filter';
import { loadMatchingChannels, type LoadProgress } from '@/lib/channel-list/load-matching';

interface Props {
  region: string;
  /** The IVS filter and the tag filter only: the table applies the quick filters itself, live. */
  query: string;
  names: Record<string, string>;
  canSelect: boolean;
}

type State = { rows: ExportChannel[]; progress: LoadProgress | null; error?: string };

/**
 * The channel list under a tag filter. IVS cannot filter by tag, so every page of the (IVS-filtered)
 * list is loaded, with progress, and the matching rows are shown in the usual table.
 */
export function TagFilterResults({ region, query, names, canSelect }: Props) {
  const [state, setState] = useState<State>({ rows: [], progress: null });
  const [attempt, setAttempt] = useState(0);
  const params = useSearchParams();

  useEffect(() => {
    const abort = new AbortController();
    const found: ExportChannel[] = [];
    loadMatchingChannels(new URLSearchParams(query), (progress) => setState({ rows: [...found], progress }), abort.signal)
      .then((rows) => setState((s) => ({ ...s, rows })))
      .catch(
        (error: unknown) =>
          !abort.signal.aborted &&
          setState((s) => ({ ...s, error: error instanceof Error ? error.message : 'The channel list could not be loaded.' })),
      );
    return () => abort.abort();
  }, [query, attempt]);

  const p = state.progress;
  if (state.error) {
    return (
      <ErrorPanel
        title="The channels could not be loaded"
        message={state.error}
        retry={() => {
          setState({ rows: [], progress: null });
          setAttempt((a) => a + 1);
        }}
      />
    );
  }
  if (!p?.done) {
    return (
      <div className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" role="status">
        <p className="text-sm">
          {p ? `Loaded ${p.scanned} of ? channels… ${p.matched} match the tag filter so far.` : 'Loading channels…'}
        </p>
        <progress aria-label="Loading channels" className="h-2 w-full" />
        <ButtonLink
          href={`/channels?${new URLSearchParams([...params].filter(([k]) => k !== 'tagKey' && k !== 'tagValue'))}`}
          variant="ghost"
          size="sm"
        >
          Stop and clear the tag filter
        </ButtonLink>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {state.rows.length} of {p.scanned} channels have this tag (all pages searched).
      </p>
      <ChannelTable region={region} rows={state.rows} initialLive={{ fetchedAt: 0, streams: [] }} names={names} canSelect={canSelect} />
    </div>
  );
}
