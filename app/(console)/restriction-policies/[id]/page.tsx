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
import { countryLabel } from '@/lib/countries';
import { describeIvsError } from '@/lib/ivs/errors';
import type { ChannelRef } from '@/lib/ivs/channel-references';
import type { Listing } from '@/lib/ivs/list-all';
import { currentRegion } from '@/lib/auth/region';
import { channelsUsingPolicy, findRestrictionPolicy, type RestrictionPolicyDto } from '@/lib/ivs/restriction-policies';
import { deleteRestrictionPolicyAction } from '../actions';

export const metadata = { title: 'Restriction policy' };

export default async function RestrictionPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser('viewer');
  const region = await currentRegion();
  const { id } = await params;
  let policy: RestrictionPolicyDto | null;
  let channels: Listing<ChannelRef> = { items: [], truncated: false };
  try {
    policy = await findRestrictionPolicy(region, id);
    if (policy) channels = await channelsUsingPolicy(region, policy.arn);
  } catch (error) {
    return <ReadError title="This restriction policy could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!policy) notFound();
  const label = policy.name || policy.id;

  return (
    <div className="space-y-8">
      <PageHeader
        title={label}
        description="Playback restriction policy"
        actions={hasRole(user.role, 'operator') && <ButtonLink href={`/restriction-policies/${policy.id}/edit`}>Edit</ButtonLink>}
      />
      <DetailsList
        items={[
          ['ARN', <ArnValue key="arn" arn={policy.arn} />],
          ['Allowed countries', policy.allowedCountries.length ? policy.allowedCountries.map(countryLabel).join(', ') : 'All countries'],
          [
            'Allowed origins',
            policy.allowedOrigins.length ? (
              <ul key="o" className="font-mono text-xs">
                {policy.allowedOrigins.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            ) : (
              'All origins'
            ),
          ],
          [
            'Strict origin enforcement',
            policy.enableStrictOriginEnforcement
              ? 'On: IVS refuses playback from other origins'
              : 'Off: origins restricted through CORS only',
          ],
        ]}
      />
      <TagEditor resourceArn={policy.arn} tags={policy.tags} canEdit={hasRole(user.role, 'operator')} />
      <ChannelsUsing channels={channels.items} truncated={channels.truncated} kind="policy" />
      {hasRole(user.role, 'admin') && (
        <DeletePanel
          resource="restriction-policy"
          kind="restriction policy"
          arn={policy.arn}
          label={label}
          channels={channels.items}
          listHref="/restriction-policies"
          detachEffect="their playback is no longer restricted by it"
          deleteAction={deleteRestrictionPolicyAction}
        />
      )}
    </div>
  );
}
