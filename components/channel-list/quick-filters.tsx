'use client';

import { useSearchParams } from 'next/navigation';
import { Input, Select } from '@/components/ui/input';
import { CHANNEL_TYPES } from '@/lib/ivs/schemas/channel-options';
import type { ChannelSummaryDto } from '@/lib/ivs/channels';

export interface QuickFilters {
  type: string;
  private: string;
  live: string;
  tag: string;
}

const KEYS: Record<keyof QuickFilters, string> = { type: 'qtype', private: 'qprivate', live: 'qlive', tag: 'qtag' };

/**
 * Client-side filters over the rows already loaded. They live in the URL like the server filter, but
 * change it with history.replaceState, which Next.js syncs with useSearchParams without a server
 * round trip (so no extra IVS calls).
 */
export function useQuickFilters(): [QuickFilters, (key: keyof QuickFilters, value: string) => void] {
  const params = useSearchParams();
  const filters: QuickFilters = {
    type: params.get(KEYS.type) ?? '',
    private: params.get(KEYS.private) ?? '',
    live: params.get(KEYS.live) ?? '',
    tag: params.get(KEYS.tag) ?? '',
  };
  const set = (key: keyof QuickFilters, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(KEYS[key], value);
    else next.delete(KEYS[key]);
    const qs = next.toString();
    window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
  };
  return [filters, set];
}

/** `tag` matches a key ("team") or a key=value pair ("team=news"), case-insensitively. */
export function matchesQuick(row: ChannelSummaryDto, live: boolean, f: QuickFilters): boolean {
  if (f.type && row.type !== f.type) return false;
  if (f.private === 'yes' && !row.authorized) return false;
  if (f.private === 'no' && row.authorized) return false;
  if (f.live === 'live' && !live) return false;
  if (f.live === 'offline' && live) return false;
  if (f.tag) {
    const [k, v] = f.tag.toLowerCase().split('=', 2);
    const hit = Object.entries(row.tags).some(([key, value]) => key.toLowerCase() === k && (v === undefined || value.toLowerCase() === v));
    if (!hit) return false;
  }
  return true;
}

/** The quick filters' controls; they read and write the URL, so they can sit in the filter area away from the table. */
export function QuickFilterControls() {
  const [filters, set] = useQuickFilters();
  return (
    <div className="flex flex-wrap items-end gap-2" role="group" aria-label="Quick filters on the loaded rows">
      <QuickSelect
        id="q-type"
        label="Type"
        value={filters.type}
        onChange={(v) => set('type', v)}
        options={CHANNEL_TYPES.map((t) => [t, t])}
      />
      <QuickSelect
        id="q-private"
        label="Private"
        value={filters.private}
        onChange={(v) => set('private', v)}
        options={[
          ['yes', 'Private only'],
          ['no', 'Public only'],
        ]}
      />
      <QuickSelect
        id="q-live"
        label="Live"
        value={filters.live}
        onChange={(v) => set('live', v)}
        options={[
          ['live', 'Live now'],
          ['offline', 'Offline'],
        ]}
      />
      <div className="space-y-1">
        <label htmlFor="q-tag" className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Tag
        </label>
        <Input
          id="q-tag"
          value={filters.tag}
          onChange={(e) => set('tag', e.target.value)}
          placeholder="key or key=value"
          className="h-9 w-44"
        />
      </div>
    </div>
  );
}

function QuickSelect({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: [string, string][];
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="h-9 w-40">
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );
}
