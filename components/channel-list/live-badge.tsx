import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { LiveStreamDto } from '@/lib/ivs/streams';

const HEALTH_TONE: Record<string, BadgeTone> = { HEALTHY: 'green', STARVING: 'yellow', UNKNOWN: 'neutral' };

/** Live state, health and viewers of one channel; "Offline" when no stream. */
export function LiveBadge({ stream, known = true }: { stream: LiveStreamDto | undefined; known?: boolean }) {
  // Plain text rather than a badge: most rows are offline, and this keeps a 100-row page light.
  if (!known) return <span className="text-xs text-zinc-500 dark:text-zinc-400">Checking…</span>;
  if (!stream) return <span className="text-xs text-zinc-500 dark:text-zinc-400">Offline</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1" data-live="true">
      <Badge tone="red">● Live</Badge>
      <HealthBadge health={stream.health} />
      <span className="text-xs whitespace-nowrap text-zinc-600 tabular-nums dark:text-zinc-400">{viewers(stream.viewerCount)}</span>
    </span>
  );
}

// IVS reports -1 when the viewer count timed out.
export function viewers(count: number): string {
  if (count < 0) return 'viewers unknown';
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'viewer' : 'viewers'}`;
}

/** "1 h 02 min" since the stream started. */
export function uptime(startTime: string | null, now = Date.now()): string {
  if (!startTime) return '—';
  const s = Math.max(0, Math.floor((now - Date.parse(startTime)) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s} s`;
}

export function HealthBadge({ health }: { health: string }) {
  return (
    <Badge tone={HEALTH_TONE[health] ?? 'neutral'} title="Stream health">
      {health.toLowerCase()}
    </Badge>
  );
}
