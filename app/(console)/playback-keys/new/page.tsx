import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { countPlaybackKeyPairs } from '@/lib/ivs/playback-keys';
import { currentRegion } from '@/lib/auth/region';
import { ImportKeyPairForm } from '../_components/import-key-pair-form';
import { QuotaGate } from '../_components/quota-gate';

export const metadata = { title: 'Import playback key pair' };

export default async function ImportPlaybackKeyPairPage() {
  await requireUser('admin');
  const region = await currentRegion();
  const used = await countPlaybackKeyPairs(region);
  return (
    <>
      <PageHeader
        title="Import playback key pair"
        description="Paste the public key of an ECDSA P-384 key pair, or drop its .pem file. Only the public key goes to IVS; the private key stays where you sign tokens."
      />
      <QuotaGate used={used} region={region}>
        <ImportKeyPairForm />
      </QuotaGate>
    </>
  );
}
