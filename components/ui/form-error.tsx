import type { ActionResult } from '@/lib/action-result';

/** The message of a failed ActionResult, announced to screen readers; renders nothing otherwise. */
export function FormError({ result }: { result: ActionResult<unknown> | null | undefined }) {
  if (!result || result.ok) return null;
  return (
    <p
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
    >
      {result.error}
    </p>
  );
}
