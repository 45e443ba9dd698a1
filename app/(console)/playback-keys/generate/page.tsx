import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { countPlaybackKeyPairs } from '@/lib/ivs/playback-keys';
import { currentRegion } from '@/lib/auth/region';
import { GenerateKeyPairForm } from '../_components/generate-key-pair-form';
import { QuotaGate } from '../_components/quota-gate';

export const metadata = { title: 'Generate playback key pair' };

export default async function GeneratePlaybackKeyPairPage() {
  await requireUser('admin');
  const region = await currentRegion();
  const used = await countPlaybackKeyPairs(region);
  return (
    <>
      <PageHeader
        title="Generate playback key pair"
        description="Your browser creates an ECDSA P-384 key pair (WebCrypto). The private key is offered once as a .pem download and never leaves this browser; only the public key is imported into IVS."
      />
      <QuotaGate used={used} region={region}>
        <GenerateKeyPairForm />
      </QuotaGate>
    </>
  );
}
