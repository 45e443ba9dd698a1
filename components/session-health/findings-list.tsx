import { Time } from '@/components/ui/time';
import type { Finding } from '@/lib/health';
import { SeverityBadge } from './severity';

/** The diagnosis, worst first, each with its evidence and fix; or what was checked when all is well. */
export function FindingsList({ findings, checked }: { findings: Finding[]; checked: string[] }) {
  const checks = (
    <ul className="list-disc space-y-0.5 pl-5 text-sm text-zinc-600 dark:text-zinc-400">
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
      {findings.length === 0 ? (
        <>
          <p className="text-sm font-medium">No problems found. Checked:</p>
          {checks}
        </>
      ) : (
        <>
          <ol aria-label="Findings" className="space-y-3">
            {findings.map((f) => (
              <li key={f.id} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                <p className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={f.severity} />
                  <span className="font-medium">{f.title}</span>
                  {f.window && (
                    <span className="text-xs text-zinc-600 dark:text-zinc-400">
                      <Time value={f.window.start} /> to <Time value={f.window.end} />
                    </span>
                  )}
                </p>
                <p className="mt-1">{f.detail}</p>
                <p className="mt-1">
                  <span className="font-medium">Fix: </span>
                  {f.fix}
                </p>
              </li>
            ))}
          </ol>
          <details className="text-sm">
            <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">What was checked</summary>
            {checks}
          </details>
        </>
      )}
    </section>
  );
}
