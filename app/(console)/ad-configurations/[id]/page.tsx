import { notFound } from 'next/navigation';
import { ArnValue } from '@/components/resource-detail/arn-value';
import { ChannelsUsing } from '@/components/resource-detail/channels-using';
import { DeletePanel } from '@/components/resource-detail/delete-panel';
import { DetailsList } from '@/components/resource-detail/details-list';
import { TagEditor } from '@/components/tag-editor/tag-editor';
import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { hasRole } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { listChannelsUsing, type ChannelRef } from '@/lib/ivs/channel-references';
import type { Listing } from '@/lib/ivs/list-all';
import { findAdConfiguration, type AdConfigurationDto } from '@/lib/ivs/ad-configurations';
import { currentRegion } from '@/lib/auth/region';
import { deleteAdConfigurationAction } from '../actions';

export const metadata = { title: 'Ad configuration' };

export default async function AdConfigurationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const { id } = await params;

  let config: AdConfigurationDto | null;
  let channels: Listing<ChannelRef> = { items: [], truncated: false };
  try {
    config = await findAdConfiguration(region, id);
    if (config) channels = await listChannelsUsing(region, { filterByAdConfigurationArn: config.arn });
  } catch (error) {
    return <ReadError title="This ad configuration could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!config) notFound();
  const label = config.name || config.id;

  return (
    <div className="space-y-8">
      <PageHeader
        title={label}
        description="Ad configuration"
        actions={hasRole(user.role, 'operator') && <ButtonLink href={`/ad-configurations/${config.id}/edit`}>Edit</ButtonLink>}
      />
      <DetailsList
        items={[
          ['ARN', <ArnValue key="arn" arn={config.arn} />],
          [
            'MediaTailor playback configurations',
            <ul key="pc" className="space-y-1 font-mono text-xs">
              {config.playbackConfigurationArns.map((arn) => (
                <li key={arn}>{arn}</li>
              ))}
            </ul>,
          ],
          ['Post-roll', config.postRoll.enabled ? `${config.postRoll.durationSeconds} seconds after each stream` : 'Off'],
        ]}
      />
      <TagEditor resourceArn={config.arn} tags={config.tags} canEdit={hasRole(user.role, 'operator')} />
      <ChannelsUsing channels={channels.items} truncated={channels.truncated} kind="ad configuration" />
      {hasRole(user.role, 'admin') && (
        <DeletePanel
          resource="ad-configuration"
          kind="ad configuration"
          arn={config.arn}
          label={label}
          channels={channels.items}
          listHref="/ad-configurations"
          detachEffect="they can no longer insert ad breaks"
          deleteAction={deleteAdConfigurationAction}
        />
      )}
    </div>
  );
}
