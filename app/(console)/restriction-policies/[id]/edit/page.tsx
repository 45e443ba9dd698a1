import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { ReadError } from '@/components/ui/read-error';
import { requireUser } from '@/lib/auth/session';
import { describeIvsError } from '@/lib/ivs/errors';
import { currentRegion } from '@/lib/auth/region';
import { findRestrictionPolicy, type RestrictionPolicyDto } from '@/lib/ivs/restriction-policies';
import { RestrictionPolicyForm } from '../../_components/restriction-policy-form';

export const metadata = { title: 'Edit restriction policy' };

export default async function EditRestrictionPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser('operator');
  const region = await currentRegion();
  const { id } = await params;
  let policy: RestrictionPolicyDto | null;
  try {
    policy = await findRestrictionPolicy(region, id);
  } catch (error) {
    return <ReadError title="This restriction policy could not be loaded" message={describeIvsError(error).message} />;
  }
  if (!policy) notFound();
  return (
    <>
      <PageHeader title={`Edit ${policy.name || policy.id}`} description="Changes apply to every channel using this policy." />
      <RestrictionPolicyForm
        arn={policy.arn}
        id={policy.id}
        initial={{
          name: policy.name,
          allowedCountries: policy.allowedCountries,
          allowedOrigins: policy.allowedOrigins,
          enableStrictOriginEnforcement: policy.enableStrictOriginEnforcement,
        }}
      />
    </>
  );
}
