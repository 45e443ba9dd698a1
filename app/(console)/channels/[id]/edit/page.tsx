import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { getChannel, type ChannelDto } from '@/lib/ivs/channels';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { channelIdSchema, type CreateChannelInput } from '@/lib/ivs/schemas/channel';
import { getStream } from '@/lib/ivs/streams';
import { loadPickers } from '../../_components/load-pickers';
import { EditChannel } from './_components/edit-channel';

export const metadata: Metadata = { title: 'Edit channel' };

function formValues(c: ChannelDto): CreateChannelInput {
  return {
    name: c.name,
    type: c.type as CreateChannelInput['type'],
    preset: (c.preset || '') as CreateChannelInput['preset'],
    latencyMode: c.latencyMode as CreateChannelInput['latencyMode'],
    authorized: c.authorized,
    insecureIngest: c.insecureIngest,
    recordingConfigurationArn: c.recordingConfigurationArn,
    playbackRestrictionPolicyArn: c.playbackRestrictionPolicyArn,
    adConfigurationArn: c.adConfigurationArn,
    containerFormat: c.containerFormat as CreateChannelInput['containerFormat'],
    multitrackEnabled: c.multitrack.enabled,
    multitrackPolicy: c.multitrack.policy as CreateChannelInput['multitrackPolicy'],
    multitrackMaximumResolution: c.multitrack.maximumResolution as CreateChannelInput['multitrackMaximumResolution'],
    tags: [],
  };
}

export default async function EditChannelPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser('operator');
  const [{ id }, region] = await Promise.all([params, currentRegion()]);
  if (!channelIdSchema.safeParse(id).success) notFound();
  let loaded;
  try {
    const channel = await getChannel(region, id);
    if (!channel) notFound();
    const [stream, pickers] = await Promise.all([getStream(region, channel.arn), loadPickers(region)]);
    loaded = { channel, live: !!stream, pickers };
  } catch (error) {
    if (!(error instanceof Error) || !('$metadata' in error)) throw error;
    return <ErrorPanel title="The channel could not be loaded" message={describeIvsError(error).message} />;
  }
  const { channel, live, pickers } = loaded;
  return (
    <>
      <PageHeader
        title={`Edit ${channel.name || channel.id}`}
        description={`Channel ${channel.id} in ${region}. Tags are edited on the channel page.`}
      />
      <EditChannel id={channel.id} name={channel.name} initial={formValues(channel)} live={live} {...pickers} />
    </>
  );
}
