import { FindingsList } from '@/components/health-charts/findings-list';
import type { Finding } from '@/lib/health';

/**
 * The session's diagnosis, worst first (the live channel page's findings list), and what was checked,
 * so "No problems found" says what it rests on.
 */
export function SessionFindings({ findings, checked }: { findings: Finding[]; checked: string[] }) {
  const checks = (
    <ul className="list-disc space-y-0.5 pl-5 text-sm text-zinc-600 dark:text-zinc-400" aria-label="What was checked">
      {checked.map((c) => (
        <li key={c}>{c}</li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="diagnosis" className="space-y-2">
      <h2 id="diagnosis" className="text-base font-semibold">
        Diagnosis
      </h2>
      <FindingsList findings={findings} empty="No problems found. Checked:" />
      {findings.length === 0 ? (
        checks
      ) : (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">What was checked</summary>
          {checks}
        </details>
      )}
    </section>
  );
}
