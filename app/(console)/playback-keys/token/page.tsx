import Link from 'next/link';
import { PrivatePlaybackPanel } from '@/components/private-playback/private-playback-panel';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { getChannel, listChannelsPage, type ChannelSummaryDto } from '@/lib/ivs/channels';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { ChannelPicker } from '../_components/channel-picker';

export const metadata = { title: 'Playback token generator' };

// Pages through ListChannels (100 a page, capped) and keeps the authorized ones.
async function listPrivateChannels(region: string): Promise<ChannelSummaryDto[]> {
  const out: ChannelSummaryDto[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await listChannelsPage(region, { nextToken });
    out.push(...res.channels.filter((c) => c.authorized));
    if (!res.nextToken) break;
    nextToken = res.nextToken;
  }
  return out.sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id));
}

type Search = Promise<{ channel?: string }>;

export default async function TokenGeneratorPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const { channel: channelId = '' } = await searchParams;
  let channels: ChannelSummaryDto[];
  let channel: Awaited<ReturnType<typeof getChannel>> = null;
  try {
    channels = await listPrivateChannels(region);
    if (channelId && /^[a-zA-Z0-9-]{1,128}$/.test(channelId)) channel = await getChannel(region, channelId);
  } catch (error) {
    return <ErrorPanel title="Channels could not be loaded" message={describeIvsError(error).message} />;
  }

  return (
    <>
      <PageHeader
        title="Private playback"
        description="Sign playback tokens for a private channel in your browser (the private key is never sent anywhere) and revoke viewer sessions."
      />
      {channels.length === 0 ? (
        <EmptyState
          title={`No private channels in ${region}`}
          description="Turn on playback authorization on a channel to make it private."
        />
      ) : (
        <div className="space-y-6">
          <ChannelPicker channels={channels.map((c) => ({ id: c.id, name: c.name }))} selected={channel?.authorized ? channel.id : ''} />
          {channelId && !channel && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              IVS could not find channel {channelId} in {region}.
            </p>
          )}
          {channel && !channel.authorized && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              Channel {channel.name || channel.id} is public: it needs no token.
            </p>
          )}
          {channel?.authorized && (
            <div className="space-y-3">
              <p className="text-sm">
                Playback URL of{' '}
                <Link className="text-blue-700 underline dark:text-blue-400" href={`/channels/${channel.id}`}>
                  {channel.name || channel.id}
                </Link>
                : <span className="font-mono text-xs break-all">{channel.playbackUrl}</span>
              </p>
              <PrivatePlaybackPanel key={channel.arn} channelArn={channel.arn} playbackUrl={channel.playbackUrl} role={user.role} />
            </div>
          )}
        </div>
      )}
    </>
  );
}
