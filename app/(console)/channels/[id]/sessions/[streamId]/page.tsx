import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Providers } from '@/components/providers';
import { SessionHealthView } from '@/components/session-health/session-health-view';
import { ButtonLink } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { currentRegion } from '@/lib/auth/region';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { readSessionHealth } from '@/lib/session-health/read';
import { sessionHealthParamsSchema } from '@/lib/session-health/schemas';
import type { SessionHealth } from '@/lib/session-health/types';

export const metadata: Metadata = { title: 'Stream session' };

/**
 * One stream session: its health charts over its own window with its events on the time axis, the
 * diagnosis, the encoder's settings beside the channel type's limits, and the decoded event timeline.
 * Rendered on the server; while the session is live the view polls its route every 10 s.
 */
export default async function StreamSessionPage({ params }: { params: Promise<{ id: string; streamId: string }> }) {
  await requireUser('viewer');
  const [raw, region] = await Promise.all([params, currentRegion()]);
  const parsed = sessionHealthParamsSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const { id, streamId } = parsed.data;
  let health: SessionHealth | null;
  try {
    health = await readSessionHealth(region, id, streamId);
  } catch (error) {
    if (!(error instanceof Error) || !('$metadata' in error)) throw error;
    return <ErrorPanel title="The stream session could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!health) notFound();

  return (
    <div className="space-y-6">
      <PageHeader
        title="Stream session"
        description={
          <span className="font-mono">
            {health.streamId} · {health.channelName || id}
          </span>
        }
        actions={<ButtonLink href={`/channels/${id}#sessions`}>Back to channel</ButtonLink>}
      />
      <Providers>
        <SessionHealthView initial={health} />
      </Providers>
    </div>
  );
}
