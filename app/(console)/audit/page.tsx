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
  const last = entries.at(-1);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made through the console, every secret reveal and every refused attempt, newest first. Times are UTC."
      />
      <AuditFilters form={view.form} />
      {entries.length === 0 ? (
        <EmptyState
          title={filtered || view.before ? 'No matching records' : 'No records yet'}
          description={filtered ? 'Nothing in the log matches these filters.' : 'Actions taken in the console will appear here.'}
          action={filtered ? <ButtonLink href="/audit">Clear filters</ButtonLink> : undefined}
        />
      ) : (
        <>
          <AuditTable entries={entries} />
          <nav aria-label="Audit log pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">
              {view.before ? 'Older records' : 'Newest records'} · {entries.length} shown
            </span>
            <div className="flex gap-2">
              {/* Keyset paging: "Older" starts after this page's last record, so no page costs more than the first. */}
              {view.before && (
                <ButtonLink size="sm" href={auditPageHref(view.form)}>
                  Newest
                </ButtonLink>
              )}
              {hasOlder && last && (
                <ButtonLink size="sm" href={auditPageHref(view.form, { at: last.at, id: last.id })}>
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
