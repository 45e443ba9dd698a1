import { Button } from '@/components/ui/button';

/** A failure message with an optional retry; error.tsx files render this. */
export function ErrorPanel({ title = 'Something went wrong', message, retry }: { title?: string; message: string; retry?: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-5 py-4 dark:border-red-900 dark:bg-red-950/50">
      <h2 className="text-base font-semibold text-red-900 dark:text-red-200">{title}</h2>
      <p className="mt-1 text-sm break-words text-red-800 dark:text-red-300">{message}</p>
      {retry && (
        <Button variant="secondary" size="sm" className="mt-4" onClick={retry}>
          Try again
        </Button>
      )}
    </div>
  );
}
