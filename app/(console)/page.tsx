import { Suspense } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { OverviewTable } from '@/components/overview/overview-table';
import { QuotaWarnings } from '@/components/quotas/quota-warnings';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { KEEP_MS } from '@/lib/overview/cache';

export const metadata: Metadata = { title: 'Overview' };

// Every region at a glance (lib/overview): read in parallel on the server, shared by every viewer
// for KEEP_MS, one row per region that shows its own failure without holding up the others.
export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ fresh?: string }> }) {
  await requireUser('viewer');
  const [region, sp] = await Promise.all([currentRegion(), searchParams]);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Overview"
        description={`Every IVS region this console works in. Counts are at most ${KEEP_MS / 1000} seconds old; select a region to work in it.`}
        actions={
          <Link href="/?fresh=1" prefetch={false} className={buttonClasses('secondary', 'sm')}>
            Read again
          </Link>
        }
      />
      <Suspense fallback={null}>
        <QuotaWarnings region={region} />
      </Suspense>
      <OverviewTable current={region} fresh={sp.fresh === '1'} />
    </div>
  );
}
