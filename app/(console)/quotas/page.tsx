import type { Metadata } from 'next';
import Link from 'next/link';
import { QuotaTable } from '@/components/quotas/quota-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { currentRegion } from '@/lib/auth/region';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { WARN_RATIO, type RegionQuotas } from '@/lib/quotas/catalogue';
import { KEEP_MS, regionQuotas } from '@/lib/quotas/read';

export const metadata: Metadata = { title: 'Quotas' };

// The current region's IVS quotas against usage now (lib/quotas), for every role: reading a quota
// changes nothing, and an operator near a limit should see it before a create fails.
export default async function QuotasPage({ searchParams }: { searchParams: Promise<{ fresh?: string }> }) {
  await requireUser('viewer');
  const [region, sp] = await Promise.all([currentRegion(), searchParams]);
  let quotas: RegionQuotas;
  try {
    quotas = await regionQuotas(region, { fresh: sp.fresh === '1' });
  } catch (error) {
    return <ReadError title="Quotas could not be loaded" message={describeIvsError(error).message} />;
  }
  return (
    <div className="space-y-4">
      <PageHeader
        title="Quotas"
        description={`IVS quotas in ${region} and how much of each is used now (at most ${KEEP_MS / 1000} seconds old). A quota at ${WARN_RATIO * 100} % or more is flagged.`}
        actions={
          <Link href="/quotas?fresh=1" prefetch={false} className={buttonClasses('secondary', 'sm')}>
            Read again
          </Link>
        }
      />
      {quotas.notice && (
        <p
          role="status"
          data-testid="quota-notice"
          className="rounded-md border border-yellow-300 bg-yellow-50 px-3 py-2 text-sm text-yellow-900 dark:border-yellow-700 dark:bg-yellow-950 dark:text-yellow-200"
        >
          {quotas.notice}.
        </p>
      )}
      {quotas.usageFailures.length > 0 && (
        <ul className="space-y-1 text-sm text-red-700 dark:text-red-400">
          {quotas.usageFailures.map((f) => (
            <li key={f}>Usage unknown: {f}</li>
          ))}
        </ul>
      )}
      <QuotaTable rows={quotas.rows} />
    </div>
  );
}
