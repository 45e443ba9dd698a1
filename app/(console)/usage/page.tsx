import type { Metadata } from 'next';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { UsageForm } from '@/components/usage/usage-form';
import { UsageTable } from '@/components/usage/usage-table';
import { currentRegion } from '@/lib/auth/region';
import { requireUser } from '@/lib/auth/session';
import { loadUsageReport } from '@/lib/usage/load';

export const metadata: Metadata = { title: 'Usage' };

// IVS usage over a period from CloudWatch (lib/usage): input hours by channel type, delivered and
// recorded hours, peak views, grouped by channel, tag or region, and a cost estimate only when the
// operator gave a price file. Every role may read it: it changes nothing.
export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('viewer');
  const [region, params] = await Promise.all([currentRegion(), searchParams]);
  const report = await loadUsageReport(params, region);
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []))).toString();
  return (
    <div className="space-y-4">
      <PageHeader
        title="Usage"
        description="Input, delivered and recorded hours and peak concurrent views from CloudWatch (AWS/IVS). Hours are CloudWatch’s sums over the period; a peak is the highest of any one channel."
        actions={
          report.ok && (
            <a href={`/api/usage/export?${query}`} className={buttonClasses('secondary', 'sm')} download>
              Download CSV
            </a>
          )
        }
      />
      <UsageForm search={report.search} tagKeys={report.ok ? report.tagKeys : []} errors={report.ok ? {} : report.fieldErrors} />
      {report.ok && (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="usage-window">
            {report.window.start.toISOString()} to {report.window.end.toISOString()} (UTC), {report.regions.map((r) => r.region).join(', ')}
          </p>
          {report.regions
            .filter((r) => r.error || r.truncated)
            .map((r) => (
              <p key={r.region} role="status" data-region-error={r.region} className="text-sm text-red-700 dark:text-red-400">
                {r.region}: {r.error ?? 'more channels than one listing reads; the report covers the first ones.'}
              </p>
            ))}
          {report.priceError && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              No estimate: {report.priceError}
            </p>
          )}
          {report.prices && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="usage-estimate-note">
              The estimate uses the operator’s price file ({report.prices.currency}); it is an estimate, not a bill.
            </p>
          )}
          <UsageTable rows={report.rows} total={report.total} grouping={report.search.group} currency={report.prices?.currency ?? null} />
        </>
      )}
    </div>
  );
}
