import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { StreamKeyPanel } from '@/components/stream-key/stream-key-panel';
import { TagEditor } from '@/components/tag-editor/tag-editor';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { Providers } from '@/components/providers';
import { Skeleton } from '@/components/ui/skeleton';
import { hasRole } from '@/lib/auth/roles';
import { CHANNEL_TYPE_LIMITS } from '@/lib/health/channel-limits';
import type { ChannelType } from '@/lib/health/types';
import { requireUser } from '@/lib/auth/session';
import { getChannel } from '@/lib/ivs/channels';
import { referenceNames } from '@/lib/ivs/reference-names';
import { describeIvsError } from '@/lib/ivs/errors';
import { localEmulatorOrigin, playerPlaybackUrl } from '@/lib/ivs/playback-endpoint';
import { currentRegion } from '@/lib/auth/region';
import { channelIdSchema } from '@/lib/ivs/schemas/channel';
import { getStream, type LiveStreamDto } from '@/lib/ivs/streams';
import { DeleteChannel } from './_components/delete-channel';
import { IngestSection } from './_components/ingest-section';
import { LivePanel } from './_components/live-panel';
import { LiveTestPlayer } from './_components/live-test-player';
import { PrivatePlaybackSection } from './_components/private-playback-section';
import { Row, Section } from './_components/section';
import { SessionsSection } from './_components/sessions-section';
import { SettingsSection } from './_components/settings-section';
import { StreamHealth } from './_components/stream-health';

export const metadata: Metadata = { title: 'Channel' };

const channelTypeOf = (type: string): ChannelType => (type in CHANNEL_TYPE_LIMITS ? (type as ChannelType) : 'STANDARD');

// The GetStream answer, in the shape the live polling query starts from.
function liveStateOf(stream: LiveStreamDto | null) {
  return { fetchedAt: Date.now(), streams: stream ? [stream] : [] };
}

export default async function ChannelPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const user = await requireUser('viewer');
  const [{ id }, { created }, region] = await Promise.all([params, searchParams, currentRegion()]);
  if (!channelIdSchema.safeParse(id).success) notFound();
  let loaded;
  try {
    const channel = await getChannel(region, id);
    if (!channel) notFound();
    loaded = { channel, stream: await getStream(region, channel.arn) };
  } catch (error) {
    // IVS errors are shown as they are (an error boundary would only get a redacted message).
    if (!(error instanceof Error) || !('$metadata' in error)) throw error;
    return <ErrorPanel title="The channel could not be loaded" message={describeIvsError(error).message} />;
  }
  const { channel, stream } = loaded;
  const names = await referenceNames(region).catch(() => null);
  const nameMap = Object.fromEntries(
    [...(names?.recordingConfigurations ?? []), ...(names?.restrictionPolicies ?? []), ...(names?.adConfigurations ?? [])].map((r) => [
      r.arn,
      r.name,
    ]),
  );
  const initialLive = liveStateOf(stream);
  const canOperate = hasRole(user.role, 'operator');

  // Live state polls through TanStack Query, set up for this page only (the live panel, the delete
  // button and the test player share one query).
  return (
    <Providers>
      <div className="space-y-6">
        <PageHeader
          title={channel.name || channel.id}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-mono">{channel.id}</span> · {channel.type} · {channel.latencyMode} latency
              {channel.authorized && <Badge tone="blue">Private</Badge>}
            </span>
          }
          actions={
            <>
              {canOperate && (
                <ButtonLink href={`/channels/${channel.id}/edit`} variant="secondary">
                  Edit
                </ButtonLink>
              )}
              {hasRole(user.role, 'admin') && <DeleteChannel region={region} id={channel.id} name={channel.name} initial={initialLive} />}
            </>
          }
        />
        {created && (
          <p
            role="status"
            className="rounded-md border border-green-600/40 bg-green-50 px-4 py-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
          >
            Channel created. Set up your encoder with the ingest server and stream key below.
          </p>
        )}
        <LivePanel
          region={region}
          id={channel.id}
          name={channel.name}
          initial={initialLive}
          canOperate={canOperate}
          hasAds={!!channel.adConfigurationArn}
        />
        <StreamHealth region={region} id={channel.id} channelType={channelTypeOf(channel.type)} initial={initialLive} />
        <IngestSection channel={channel} role={user.role} />
        <StreamKeyPanel
          channelArn={channel.arn}
          role={user.role}
          live={!!stream}
          ingestEndpoint={channel.ingestEndpoint}
          insecureIngest={channel.insecureIngest}
        />
        <Section
          id="playback"
          title="Playback"
          description={channel.authorized ? 'Private channel: players need a signed playback token.' : 'Anyone with the URL can watch.'}
        >
          <dl>
            <Row label="Playback URL" mono>
              <span data-testid="playback-url">{channel.playbackUrl}</span>
              <CopyButton value={channel.playbackUrl} label="Copy playback URL" />
            </Row>
          </dl>
          <LiveTestPlayer
            region={region}
            id={channel.id}
            initial={initialLive}
            channelArn={channel.arn}
            url={playerPlaybackUrl(channel.playbackUrl)}
            authorized={channel.authorized}
            local={localEmulatorOrigin() !== null}
          />
        </Section>
        {channel.authorized && <PrivatePlaybackSection channelArn={channel.arn} playbackUrl={channel.playbackUrl} role={user.role} />}
        <SettingsSection channel={channel} names={nameMap} />
        <TagEditor resourceArn={channel.arn} tags={channel.tags} canEdit={canOperate} />
        <Suspense fallback={<Skeleton className="h-32" />}>
          <SessionsSection region={region} channelId={channel.id} channelArn={channel.arn} initialLive={initialLive} />
        </Suspense>
      </div>
    </Providers>
  );
}
