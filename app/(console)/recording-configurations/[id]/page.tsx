import { notFound } from 'next/navigation';
import { ArnValue } from '@/components/resource-detail/arn-value';
import { ChannelsUsing } from '@/components/resource-detail/channels-using';
import { DeletePanel } from '@/components/resource-detail/delete-panel';
import { DetailsList } from '@/components/resource-detail/details-list';
import { TagEditor } from '@/components/tag-editor/tag-editor';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { listChannelsUsing, type ChannelRef } from '@/lib/ivs/channel-references';
import type { Listing } from '@/lib/ivs/list-all';
import { findRecordingConfiguration, type RecordingConfigurationDetailDto } from '@/lib/ivs/recording-configurations';
import { currentRegion } from '@/lib/auth/region';
import { RESOLUTION_LABELS } from '@/lib/ivs/schemas/recording-configuration';
import { RefreshWhileCreating } from '../_components/refresh-while-creating';
import { RecordingStateBadge } from '../_components/state-badge';
import { deleteRecordingConfigurationAction } from '../actions';

export const metadata = { title: 'Recording configuration' };

const resolution = (r?: string) => (r ? (RESOLUTION_LABELS[r as keyof typeof RESOLUTION_LABELS] ?? r) : 'Source resolution');

export default async function RecordingConfigurationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const { id } = await params;

  let config: RecordingConfigurationDetailDto | null;
  let channels: Listing<ChannelRef> = { items: [], truncated: false };
  try {
    config = await findRecordingConfiguration(region, id);
    if (config) channels = await listChannelsUsing(region, { filterByRecordingConfigurationArn: config.arn });
  } catch (error) {
    return <ReadError title="This recording configuration could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!config) notFound();
  const label = config.name || config.id;
  const t = config.thumbnail;

  return (
    <div className="space-y-8">
      <PageHeader title={label} description="Recording configuration" />
      <RefreshWhileCreating creating={config.state === 'CREATING'} />
      <DetailsList
        items={[
          ['ARN', <ArnValue key="arn" arn={config.arn} />],
          ['State', <RecordingStateBadge key="state" state={config.state} />],
          [
            'S3 bucket',
            <span key="b" className="font-mono">
              {config.bucketName}
            </span>,
          ],
          ['Reconnect window', `${config.recordingReconnectWindowSeconds} seconds`],
          [
            'Thumbnails',
            t.recordingMode === 'DISABLED'
              ? 'Not recorded'
              : `Every ${t.targetIntervalSeconds ?? 60} s, ${resolution(t.resolution)}, stored ${t.storage.join(' and ') || 'SEQUENTIAL'}`,
          ],
          [
            'Renditions',
            config.rendition.renditionSelection === 'CUSTOM'
              ? `CUSTOM: ${config.rendition.renditions.map(resolution).join(', ')}`
              : config.rendition.renditionSelection,
          ],
        ]}
      />
      <TagEditor resourceArn={config.arn} tags={config.tags} canEdit={hasRole(user.role, 'operator')} />
      <ChannelsUsing channels={channels.items} truncated={channels.truncated} kind="recording configuration" />
      {hasRole(user.role, 'admin') && (
        <DeletePanel
          resource="recording-configuration"
          kind="recording configuration"
          arn={config.arn}
          label={label}
          channels={channels.items}
          listHref="/recording-configurations"
          detachEffect="they stop recording from their next stream"
          deleteAction={deleteRecordingConfigurationAction}
        />
      )}
    </div>
  );
}
