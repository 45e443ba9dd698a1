'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TH, THead } from '@/components/ui/table';
import { useLiveStreams, type LiveState } from '@/components/channel-list/live-query';
import type { ChannelSummaryDto } from '@/lib/ivs/channels';
import { LiveBadge } from './live-badge';
import { matchesQuick, useQuickFilters } from './quick-filters';
import { SelectionToolbar } from './selection-toolbar';
import { resourceIdFromArn } from '@/lib/ivs/arn';

interface Props {
  region: string;
  rows: ChannelSummaryDto[];
  /** null when the server had no live state ready: the badges say so until the first poll answers. */
  initialLive: LiveState | null;
  /** ARN -> name, for the recording and restriction policy columns. */
  names: Record<string, string>;
  canSelect: boolean;
  /** Admins: the selection can be deleted too. */
  canDelete?: boolean;
}

const shortArn = resourceIdFromArn;

/** The channel table: live state polled every 10 s, quick filters over the loaded rows, selection. */
export function ChannelTable({ region, rows, initialLive, names, canSelect, canDelete = false }: Props) {
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const live = useLiveStreams(region, ids, initialLive);
  const liveByArn = useMemo(() => new Map((live.data?.streams ?? []).map((s) => [s.channelArn, s])), [live.data]);
  const liveKnown = !!live.data;
  const [filters] = useQuickFilters();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Marks the table interactive (hydrated), so tests do not click server HTML.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.setAttribute('data-ready', ''), []);

  const shown = rows.filter((r) => matchesQuick(r, liveByArn.has(r.arn), filters));
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.arn));
  const toggle = (arn: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(arn)) next.delete(arn);
      else next.add(arn);
      return next;
    });
  // One click handler for the rows' name links instead of a next/link per row (100 instances were a
  // measurable part of each server render): unmodified left clicks still navigate client-side.
  const router = useRouter();
  const navigate = (e: MouseEvent<HTMLTableSectionElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.push(a.getAttribute('href')!);
  };
  const toggleAll = () => setSelected(allShownSelected ? new Set() : new Set(shown.map((r) => r.arn)));

  return (
    <div ref={ref} className="space-y-3" data-testid="channel-table">
      {/* The quick filters sit in the filter area above; what they leave is said here, next to the rows. */}
      <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
        Showing {shown.length} of {rows.length} loaded
      </p>
      {canSelect && (
        <SelectionToolbar
          region={region}
          selected={rows.filter((r) => selected.has(r.arn))}
          onClear={() => setSelected(new Set())}
          canDelete={canDelete}
        />
      )}
      {live.isError && (
        <p role="status" className="text-xs text-yellow-800 dark:text-yellow-300">
          {live.error.message} Showing the last known live state.
        </p>
      )}
      <Table aria-label="Channels">
        <THead className="[&_th]:px-3">
          <tr>
            {canSelect && (
              <TH className="w-8">
                <input
                  type="checkbox"
                  aria-label="Select all shown channels"
                  checked={allShownSelected}
                  onChange={toggleAll}
                  className="size-4 accent-blue-600"
                />
              </TH>
            )}
            <TH>Name / ID</TH>
            <TH>Type</TH>
            <TH>Latency</TH>
            <TH>Private</TH>
            <TH>Recording</TH>
            <TH>Restriction policy</TH>
            <TH>Live</TH>
            <TH>Tags</TH>
          </tr>
        </THead>
        {/* Cell styles are set once on the body: 100 rows of repeated class lists were most of the HTML. */}
        <TBody
          onClick={navigate}
          className="text-zinc-800 dark:text-zinc-200 [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-middle [&>tr:hover]:bg-zinc-50/70 dark:[&>tr:hover]:bg-zinc-800/40"
        >
          {shown.map((row) => (
            <tr key={row.arn} data-channel-id={row.id}>
              {canSelect && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.name || row.id}`}
                    checked={selected.has(row.arn)}
                    onChange={() => toggle(row.arn)}
                    className="size-4 accent-blue-600"
                  />
                </td>
              )}
              {/* IVS names run to 128 characters with no spaces: wrap them anywhere, in a column of readable width. */}
              <td className="min-w-40 font-medium [overflow-wrap:anywhere]">
                <a href={`/channels/${row.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                  {row.name || <i>(unnamed)</i>}
                </a>
                <span className="block font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">{row.id}</span>
              </td>
              <td className="whitespace-nowrap" title={row.preset || undefined}>
                {row.type}
                {row.preset && (
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {row.preset === 'HIGHER_BANDWIDTH_DELIVERY' ? 'higher bandwidth' : 'constrained'}
                  </span>
                )}
              </td>
              <td>{row.latencyMode}</td>
              <td>{row.authorized ? <Badge tone="blue">Private</Badge> : <Dim>No</Dim>}</td>
              <td className="min-w-24 [overflow-wrap:anywhere]">{refName(row.recordingConfigurationArn, names)}</td>
              <td className="min-w-24 [overflow-wrap:anywhere]">{refName(row.playbackRestrictionPolicyArn, names)}</td>
              <td>
                <LiveBadge stream={liveByArn.get(row.arn)} known={liveKnown} />
              </td>
              <td>
                <TagList tags={row.tags} />
              </td>
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td colSpan={canSelect ? 9 : 8} className="py-8 text-center text-zinc-600 dark:text-zinc-400">
                No loaded channel matches the quick filters.
              </td>
            </tr>
          )}
        </TBody>
      </Table>
    </div>
  );
}

const Dim = ({ children }: { children: ReactNode }) => <span className="text-zinc-500 dark:text-zinc-400">{children}</span>;

function refName(arn: string, names: Record<string, string>): ReactNode {
  if (!arn) return <Dim>—</Dim>;
  return <span title={arn}>{names[arn] || shortArn(arn)}</span>;
}

function TagList({ tags }: { tags: Record<string, string> }) {
  const entries = Object.entries(tags);
  if (!entries.length) return <Dim>—</Dim>;
  return (
    <span className="flex flex-wrap gap-1" title={entries.map(([k, v]) => `${k}=${v}`).join('\n')}>
      {entries.slice(0, 2).map(([k, v]) => (
        <Badge key={k} className="max-w-32">
          <span className="min-w-0 truncate">{v ? `${k}=${v}` : k}</span>
        </Badge>
      ))}
      {entries.length > 2 && <Badge>+{entries.length - 2}</Badge>}
    </span>
  );
}
