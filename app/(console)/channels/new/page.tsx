import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { currentRegion } from '@/lib/auth/region';
import { CreateChannel } from './_components/create-channel';
import { loadPickers } from '../_components/load-pickers';

export const metadata: Metadata = { title: 'Create channel' };

export default async function NewChannelPage() {
  await requireUser('operator');
  const region = await currentRegion();
  const pickers = await loadPickers(region);
  return (
    <>
      <PageHeader title="Create channel" description={`A new channel in ${region}. IVS creates its stream key with it.`} />
      <CreateChannel {...pickers} />
    </>
  );
}
