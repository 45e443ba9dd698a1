import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { AdConfigurationForm } from '../_components/ad-configuration-form';

export const metadata = { title: 'New ad configuration' };

export default async function NewAdConfigurationPage() {
  await requireUser('operator');
  return (
    <>
      <PageHeader
        title="New ad configuration"
        description="Channels that reference it can insert ad breaks, served by these AWS Elemental MediaTailor playback configurations."
      />
      <AdConfigurationForm />
    </>
  );
}
