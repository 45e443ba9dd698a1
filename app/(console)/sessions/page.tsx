import type { Metadata } from 'next';
import { SessionsTable } from '@/app/(console)/sessions/_components/sessions-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { listActiveSessions } from '@/lib/auth/sessions';
import { env } from '@/lib/env';
import { store } from '@/lib/store';

export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  const me = await requireUser('admin');
  const sessions = await listActiveSessions(await store());
  const rows = sessions.map((s) => ({
    id: s.id,
    email: s.email,
    role: s.role,
    provider: s.provider,
    signedInAt: s.signedInAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    current: s.id === me.sessionId,
  }));
  return (
    <>
      <PageHeader
        title="Sessions"
        description={`Everyone signed in now, newest sign-in first. Times are UTC. A session ends ${env.SESSION_MAX_AGE_MINUTES / 60} h after sign-in at the latest; ending one signs that browser out at its next request.`}
      />
      {rows.length === 0 ? <EmptyState title="No open sessions" description="Nobody is signed in." /> : <SessionsTable rows={rows} />}
    </>
  );
}
