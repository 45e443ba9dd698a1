import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { channelArn } from '@/lib/ivs/channels';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { channelIdSchema } from '@/lib/ivs/schemas/channel';
import { getStreamSession, type StreamSessionDto } from '@/lib/ivs/streams';
import { Time } from '@/components/ui/time';

export const metadata: Metadata = { title: 'Stream session' };

const kbps = (bps: number) => (bps ? `${Math.round(bps / 1000).toLocaleString('en-US')} kbps` : '—');

/** One stream session: the encoder's ingest configuration and the event timeline IVS kept. */
export default async function StreamSessionPage({ params }: { params: Promise<{ id: string; streamId: string }> }) {
  await requireUser('viewer');
  const [{ id, streamId }, region] = await Promise.all([params, currentRegion()]);
  if (!channelIdSchema.safeParse(id).success || !/^st-[a-zA-Z0-9]+$/.test(streamId)) notFound();
  let session: StreamSessionDto | null;
  try {
    const arn = await channelArn(region, id);
    session = arn ? await getStreamSession(region, arn, streamId) : null;
  } catch (error) {
    if (!(error instanceof Error) || !('$metadata' in error)) throw error;
    return <ErrorPanel title="The stream session could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!session) notFound();

  return (
    <div className="space-y-6">
      <PageHeader
        title="Stream session"
        description={
          <span className="font-mono">
            {session.streamId} · {session.channelName || id}
          </span>
        }
        actions={<ButtonLink href={`/channels/${id}#sessions`}>Back to channel</ButtonLink>}
      />
      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Started</dt>
          <dd>
            <Time value={session.startTime} />
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Ended</dt>
          <dd>{session.endTime ? <Time value={session.endTime} /> : <Badge tone="red">Live</Badge>}</dd>
        </div>
        <div>
          <dt className="text-zinc-500 dark:text-zinc-400">Recording configuration</dt>
          <dd>{session.recordingConfigurationName || 'None'}</dd>
        </div>
      </dl>
      <section aria-labelledby="ingest-config" className="space-y-2">
        <h2 id="ingest-config" className="text-base font-semibold">
          Ingest configuration
        </h2>
        {session.ingest.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">IVS reported no ingest configuration for this session.</p>
        ) : (
          <Table aria-label="Ingest configuration">
            <THead>
              <tr>
                <TH>Track</TH>
                <TH>Kind</TH>
                <TH>Codec</TH>
                <TH>Resolution / format</TH>
                <TH>Target bitrate</TH>
              </tr>
            </THead>
            <TBody>
              {session.ingest.map((t, i) => (
                <TR key={i}>
                  <TD>{t.track}</TD>
                  <TD>{t.kind}</TD>
                  <TD className="font-mono text-xs">{t.codec || '—'}</TD>
                  <TD>{t.detail}</TD>
                  <TD>{kbps(t.bitrate)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="events" className="space-y-2">
        <h2 id="events" className="text-base font-semibold">
          Event timeline
        </h2>
        {session.events.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No events.</p>
        ) : (
          <ol className="space-y-1 border-l-2 border-zinc-200 pl-4 text-sm dark:border-zinc-800" aria-label="Events">
            {session.events.map((e, i) => (
              <li key={i} className="flex flex-wrap gap-x-3">
                <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                  <Time value={e.eventTime} />
                </span>
                <span className="font-medium">{e.name}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{e.type}</span>
                {e.code && <Badge tone="yellow">{e.code}</Badge>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
