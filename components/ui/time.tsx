import { formatTime } from '@/lib/format/time';

/** A moment in the console's one format (lib/format/time.ts), machine-readable in dateTime. */
export function Time({ value }: { value: string | number | Date | null | undefined }) {
  const text = formatTime(value);
  if (text === '—') return <>{text}</>;
  return <time dateTime={new Date(value!).toISOString()}>{text}</time>;
}
