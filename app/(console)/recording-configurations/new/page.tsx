import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { RecordingConfigurationForm } from '../_components/recording-configuration-form';

export const metadata = { title: 'New recording configuration' };

export default async function NewRecordingConfigurationPage() {
  await requireUser('operator');
  const region = await currentRegion();
  return (
    <>
      <PageHeader
        title="New recording configuration"
        description="Channels that reference it record their streams (and thumbnails) to this S3 bucket. IVS cannot change a configuration after creating it."
      />
      <RecordingConfigurationForm region={region} />
    </>
  );
}
