// One way to show a moment everywhere in the console: "2026-12-02 14:05:09 UTC". UTC, because an
// operator compares times with IVS, CloudWatch and colleagues in other zones, and the same on server
// and browser, so a server-rendered time never changes on hydration. Client-safe.

/** A moment (ISO string, epoch ms or Date) as "YYYY-MM-DD HH:MM:SS UTC"; "—" when there is none or it is not a date. */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
