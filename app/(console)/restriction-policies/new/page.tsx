import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { RestrictionPolicyForm } from '../_components/restriction-policy-form';

export const metadata = { title: 'New restriction policy' };

export default async function NewRestrictionPolicyPage() {
  await requireUser('operator');
  return (
    <>
      <PageHeader
        title="New restriction policy"
        description="Limit playback of the channels that use it to some countries and/or origin sites."
      />
      <RestrictionPolicyForm />
    </>
  );
}
