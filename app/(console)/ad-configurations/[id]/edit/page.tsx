import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { requireUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { describeIvsError } from '@/lib/ivs/errors';
import { findAdConfiguration, type AdConfigurationDto } from '@/lib/ivs/ad-configurations';
import { AdConfigurationForm } from '../../_components/ad-configuration-form';

export const metadata = { title: 'Edit ad configuration' };

export default async function EditAdConfigurationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser('operator');
  const region = await currentRegion();
  const { id } = await params;
  let config: AdConfigurationDto | null;
  try {
    config = await findAdConfiguration(region, id);
  } catch (error) {
    return <ReadError title="This ad configuration could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!config) notFound();
  return (
    <>
      <PageHeader title={`Edit ${config.name || config.id}`} description="Channels using it pick up the change for their next ad break." />
      <AdConfigurationForm
        arn={config.arn}
        initial={{
          name: config.name,
          playbackConfigurationArns: config.playbackConfigurationArns,
          postRollEnabled: config.postRoll.enabled,
          postRollDurationSeconds: config.postRoll.durationSeconds,
          tags: [],
        }}
      />
    </>
  );
}
