import type { Metadata } from 'next';
import { Providers } from '@/components/providers';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { currentRegion } from '@/lib/auth/region';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { readEventsPage } from '@/lib/events/feed';
import { eventsViewFromSearchParams, validForm } from '@/lib/events/search-params';
import { describeIvsError } from '@/lib/ivs/errors';
import { EventFeed } from './_components/event-feed';
import { EventFilters } from './_components/event-filters';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser('viewer');
  const [region, params] = await Promise.all([currentRegion(), searchParams]);
  const view = eventsViewFromSearchParams(params);
  let page;
  try {
    page = await readEventsPage(region, view);
  } catch (error) {
    page = { error: describeIvsError(error).message };
  }

  return (
    <>
      <PageHeader
        title="Events"
        description="What happened to your channels, seen by the console's watcher even with no page open: streams starting and ending, starvation, health, viewer drops and diagnosis findings. Newest first; times are UTC."
      />
      <EventFilters form={view.form} errors={view.errors} />
      {view.errors.before && (
        <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
          {view.errors.before}
        </p>
      )}
      {'error' in page ? (
        <ErrorPanel title="Events could not be loaded" message={page.error} />
      ) : (
        <Providers>
          <EventFeed form={validForm(view)} before={view.query.before} initial={page} canAcknowledge={hasRole(user.role, 'operator')} />
        </Providers>
      )}
    </>
  );
}
