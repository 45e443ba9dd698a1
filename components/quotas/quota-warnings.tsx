import Link from 'next/link';
import { quotaWarnings } from '@/lib/quotas/read';

/** The overview's line for the current region's quotas at 80 % or more; nothing when there are none. */
export async function QuotaWarnings({ region }: { region: string }) {
  let rows;
  try {
    rows = await quotaWarnings(region);
  } catch {
    return null; // the quotas page says what went wrong; the overview stays about the regions
  }
  if (!rows.length) return null;
  return (
    <p
      role="status"
      data-testid="quota-warnings"
      className="rounded-md border border-yellow-300 bg-yellow-50 px-3 py-2 text-sm text-yellow-900 dark:border-yellow-700 dark:bg-yellow-950 dark:text-yellow-200"
    >
      Quotas in {region} near or at their limit:{' '}
      {rows.map((r, i) => (
        <span key={r.key}>
          {i > 0 && ', '}
          {r.name} {r.percent} %
        </span>
      ))}
      .{' '}
      <Link href="/quotas" className="underline">
        See quotas
      </Link>
    </p>
  );
}
