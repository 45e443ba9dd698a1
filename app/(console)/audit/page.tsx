import type { Metadata } from 'next';
import { AuditFilters } from '@/app/(console)/audit/_components/audit-filters';
import { AuditTable } from '@/app/(console)/audit/_components/audit-table';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { queryAudit } from '@/lib/audit';
import { AUDIT_PAGE_SIZE, auditPageHref, auditViewFromSearchParams } from '@/lib/audit/search-params';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('admin');
  const view = auditViewFromSearchParams(await searchParams);
  // One extra row tells us whether an older page exists without counting the whole log.
  const rows = await queryAudit({ ...view.filter, limit: AUDIT_PAGE_SIZE + 1 });
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  const hasOlder = rows.length > AUDIT_PAGE_SIZE;
  const filtered = Object.values(view.form).some(Boolean);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through the console, every secret reveal and every refused attempt, newest first. Times are UTC."
      />
      <AuditFilters form={view.form} />
      {entries.length === 0 ? (
        <EmptyState
          title={filtered || view.page > 1 ? 'No matching records' : 'No records yet'}
          description={filtered ? 'Nothing in the log matches these filters.' : 'Actions taken in the console will appear here.'}
          action={filtered ? <ButtonLink href="/audit">Clear filters</ButtonLink> : undefined}
        />
      ) : (
        <>
          <AuditTable entries={entries} />
          <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">
              Page {view.page} · records {(view.page - 1) * AUDIT_PAGE_SIZE + 1}–{(view.page - 1) * AUDIT_PAGE_SIZE + entries.length}
            </span>
            <div className="flex gap-2">
              {view.page > 1 && (
                <ButtonLink size="sm" href={auditPageHref(view.form, view.page - 1)}>
                  Newer
                </ButtonLink>
              )}
              {hasOlder && (
                <ButtonLink size="sm" href={auditPageHref(view.form, view.page + 1)}>
                  Older
                </ButtonLink>
              )}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
