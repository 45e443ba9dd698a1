import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { Finding, Severity } from '@/lib/health/types';

// lib/health's findings as an operator reads them: what is wrong (with the evidence) and what to do.
// Shared by the live channel page and any view that diagnoses a stream.

const TONE: Record<Severity, BadgeTone> = { critical: 'red', warning: 'yellow', info: 'blue' };
const WORD: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', info: 'Info' };

export function FindingsList({ findings, empty }: { findings: Finding[]; empty: string }) {
  if (!findings.length) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="space-y-3" data-testid="findings">
      {findings.map((f) => (
        <li key={f.id} data-finding={f.id} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <Badge tone={TONE[f.severity]}>{WORD[f.severity]}</Badge>
            {f.title}
          </p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">{f.detail}</p>
          <p className="mt-1 text-zinc-700 dark:text-zinc-300">
            <span className="font-medium text-zinc-900 dark:text-zinc-100">Fix: </span>
            {f.fix}
          </p>
        </li>
      ))}
    </ul>
  );
}
