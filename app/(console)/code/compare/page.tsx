import type { Metadata } from 'next';
import { CompareForm } from '@/components/iac/compare-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Compare with the account' };

// Drift: an exported CloudFormation or Terraform file against the account now (issue 17).
export default async function ComparePage() {
  await requireUser('viewer');
  return (
    <>
      <PageHeader
        title="Compare with the account"
        description="Paste or choose a file exported from the channel list (Export as code). The console reads the same resources from IVS and shows what differs, property by property."
      />
      <CompareForm />
    </>
  );
}
