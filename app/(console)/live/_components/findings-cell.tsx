import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { BoardRow } from '@/lib/live-board/types';

const TONE: Record<string, BadgeTone> = { critical: 'red', warning: 'yellow', info: 'blue' };

/** How many findings the metrics gave, and the worst one's title in words (the channel page has the rest). */
export function FindingsCell({ findings }: { findings: BoardRow['findings'] }) {
  if (!findings.count) return <span className="text-xs text-zinc-600 dark:text-zinc-400">None</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <Badge tone={TONE[findings.worst ?? ''] ?? 'neutral'} title={findings.worst ? `Worst: ${findings.worst}` : undefined}>
        {findings.count} {findings.count === 1 ? 'finding' : 'findings'}
      </Badge>
      {findings.worst && <span className="sr-only">, worst {findings.worst}:</span>}
      {findings.top && <span className="text-xs text-zinc-700 dark:text-zinc-300">{findings.top}</span>}
    </span>
  );
}
